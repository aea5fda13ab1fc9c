/**
 * Picks the runtime a lesson runs in, and says why in one sentence the UI shows verbatim.
 *
 * Automatic order: WebContainers when this browser can run them and they boot in time;
 * otherwise the local runner when the serving machine offers one (`/__runner/session`);
 * otherwise none (`sql` lessons still work — they need no runtime). `?runtime=local`,
 * `?runtime=webcontainer` or `?runtime=none` forces a choice, with no fallback.
 * `@webcontainer/api` and the template lockfile are loaded only when WebContainers are tried.
 */
import { LocalRuntime, fetchRunnerSession, type LocalRuntimeOptions } from './local-runtime.ts';
import type { Runtime, RuntimeChoice } from './runtime.ts';
import type { WebContainerApi } from './webcontainer-runtime.ts';
import { currentEnvironment, webContainerSupportProblem, type BrowserEnvironment } from './webcontainer-support.ts';

export type ForcedRuntime = 'local' | 'webcontainer' | 'none';
const FORCED_RUNTIMES: readonly ForcedRuntime[] = ['local', 'webcontainer', 'none'];
export const RUNTIME_PARAM = 'runtime';

export interface ChooseRuntimeOptions {
  forced?: ForcedRuntime;
  /** How long WebContainers may take to boot before falling back; default 6 s. */
  bootTimeoutMs?: number;
  /** Facts about the browser; the real ones by default. */
  environment?: BrowserEnvironment;
  /** The `@webcontainer/api` module; lazily imported by default (tests pass the fake). */
  loadWebContainer?: () => Promise<WebContainerApi>;
  /** How to reach the local runner; the page's own origin by default. */
  local?: LocalRuntimeOptions;
}

export interface RuntimeSelection {
  /** Undefined when no runtime could be had (`choice.kind === 'none'`). */
  runtime: Runtime | undefined;
  choice: RuntimeChoice;
}

/** Reads `?runtime=` from a query string (`location.search`). An unknown value is reported, not thrown. */
export function parseRuntimeParam(search: string): { forced?: ForcedRuntime; problem?: string } {
  const value = new URLSearchParams(search).get(RUNTIME_PARAM);
  if (value === null || value === '') return {};
  if ((FORCED_RUNTIMES as readonly string[]).includes(value)) return { forced: value as ForcedRuntime };
  return { problem: `?${RUNTIME_PARAM}=${value} is not one of ${FORCED_RUNTIMES.join(', ')}, so the runtime is chosen automatically.` };
}

const NO_RUNTIME_NOTE = 'SQL lessons still work';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Boots WebContainers, or returns the phrase saying why they cannot be used. */
async function tryWebContainer(options: ChooseRuntimeOptions): Promise<Runtime | string> {
  const unsupported = webContainerSupportProblem(options.environment ?? currentEnvironment());
  if (unsupported) return unsupported;
  try {
    const [{ WebContainerRuntime }, { TEMPLATE_FILES }] = await Promise.all([import('./webcontainer-runtime.ts'), import('./template-files.ts')]);
    return await WebContainerRuntime.boot({ load: options.loadWebContainer, bootTimeoutMs: options.bootTimeoutMs, template: TEMPLATE_FILES });
  } catch (error) {
    return message(error);
  }
}

/** Connects to the local runner, or returns a clause saying why not. */
async function tryLocal(options: ChooseRuntimeOptions): Promise<Runtime | string> {
  const session = await fetchRunnerSession(options.local);
  if (!session) return 'this server does not offer a local runner';
  try {
    return await LocalRuntime.connect({ ...options.local, session });
  } catch (error) {
    return `the local runner refused the connection (${message(error).replace(/\.$/, '')})`;
  }
}

export async function chooseRuntime(options: ChooseRuntimeOptions = {}): Promise<RuntimeSelection> {
  const none = (reason: string): RuntimeSelection => ({ runtime: undefined, choice: { kind: 'none', reason } });
  const chosen = (runtime: Runtime, reason: string): RuntimeSelection => ({ runtime, choice: { kind: runtime.kind, reason } });

  switch (options.forced) {
    case 'none':
      return none(`No runtime, as ?${RUNTIME_PARAM}=none asks — ${NO_RUNTIME_NOTE}.`);
    case 'webcontainer': {
      const result = await tryWebContainer(options);
      return typeof result === 'string'
        ? none(`WebContainers were requested with ?${RUNTIME_PARAM}=webcontainer but could not start (${result}) — ${NO_RUNTIME_NOTE}.`)
        : chosen(result, `Running in WebContainers (Node.js inside this tab), as ?${RUNTIME_PARAM}=webcontainer asks.`);
    }
    case 'local': {
      const result = await tryLocal(options);
      return typeof result === 'string'
        ? none(`The local runner was requested with ?${RUNTIME_PARAM}=local, but ${result} — ${NO_RUNTIME_NOTE}.`)
        : chosen(result, `Using the local runner on this machine, as ?${RUNTIME_PARAM}=local asks.`);
    }
    case undefined: {
      const webContainer = await tryWebContainer(options);
      if (typeof webContainer !== 'string') return chosen(webContainer, 'Running in WebContainers: Node.js inside this browser tab.');
      const local = await tryLocal(options);
      if (typeof local !== 'string') return chosen(local, `WebContainers could not start (${webContainer}) — using the local runner on this machine.`);
      return none(`WebContainers could not start (${webContainer}) and ${local}, so server lessons cannot run here — ${NO_RUNTIME_NOTE}.`);
    }
  }
}
