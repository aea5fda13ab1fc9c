/**
 * The first question to the local runner: does the serving machine offer one, and may this
 * browser use it? Kept apart from the adapter (local-runtime.ts, a lazy chunk) so the page can
 * ask at boot, while the adapter's chunk and the lesson text still load: the answer is then
 * there when the runtime is chosen (one round trip off the path to a running server).
 */
import { LOCAL_RUNNER_SESSION_PATH, type RunnerSession, type RunnerSignIn } from './local-protocol.ts';

/** What the runner answered: a session, a sentence saying where its sign-in link is, or undefined when this server offers no runner. */
export type RunnerSessionAnswer = RunnerSession | string | undefined;

export function defaultBaseUrl(): string {
  if (typeof location === 'undefined') throw new Error('LocalRuntime needs a baseUrl outside a browser page.');
  return location.origin;
}

/**
 * Asks the serving machine for a runner session (the browser sends the runner's HttpOnly
 * cookie, if it has one). Undefined when it offers none (a static host, a production
 * deployment): then there is no local runner, which is not an error. A string when there is a
 * runner but this browser has not opened its sign-in link yet: the sentence says where it is.
 */
export async function fetchRunnerSession(options: { baseUrl?: string; fetch?: typeof fetch } = {}): Promise<RunnerSessionAnswer> {
  const fetchImpl = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(new URL(LOCAL_RUNNER_SESSION_PATH, options.baseUrl ?? defaultBaseUrl()), { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return undefined;
  }
  if (!response.headers.get('content-type')?.includes('application/json')) return undefined;
  try {
    const body = (await response.json()) as Partial<RunnerSession & RunnerSignIn>;
    if (response.ok && typeof body.signIn === 'string') return body.signIn;
    return response.ok && typeof body.socketPath === 'string' ? { protocol: body.protocol ?? 0, socketPath: body.socketPath } : undefined;
  } catch {
    // A body cut off or not JSON after all: as good as no runner.
    return undefined;
  }
}
