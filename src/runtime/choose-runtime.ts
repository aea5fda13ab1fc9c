/**
 * Picks the runtime a lesson runs in, and says why in one sentence the UI shows verbatim.
 *
 * Automatic order: WebContainers when this browser can run them and they boot in time;
 * otherwise the local runner when the serving machine offers one (`/__runner/session`);
 * otherwise none (`sql` lessons still work — they need no runtime). Two cases skip the wait for
 * a boot when a local runner is offered: a boot that failed in this browser recently
 * (webcontainer-boot-memory.ts), and iPhone/iPad, where WebContainers are held
 * (webcontainer-support.ts). Then the selection says `canRetryWebContainers`, and the UI may
 * offer "Try WebContainers again" (retryWebContainers). `?runtime=local`, `?runtime=webcontainer`
 * or `?runtime=none` forces a choice, with no fallback.
 * `@webcontainer/api`, the template and its dependency snapshot are loaded only when
 * WebContainers are tried.
 */
import { errorText } from '../shared/error-text.ts';
import { LocalRuntime, type LocalRuntimeOptions } from './local-runtime.ts';
import { fetchRunnerSession, type RunnerSessionAnswer } from './runner-session.ts';
import type { Runtime, RuntimeChoice } from './runtime.ts';
import { RUNTIME_PARAM, type ForcedRuntime } from './runtime-param.ts';
import { agoPhrase, forgetBootOutcome, pageStorage, recentBootFailure, type BootMemoryStorage } from './webcontainer-boot-memory.ts';
import type { LoadDependencies } from './webcontainer-deps.ts';
import type { StartProgress, WebContainerApi } from './webcontainer-runtime.ts';
import { currentEnvironment, webContainerHoldReason, webContainerSupportProblem, type BrowserEnvironment } from './webcontainer-support.ts';


export interface ChooseRuntimeOptions {
  forced?: ForcedRuntime;
  /** How long WebContainers may take to boot before falling back; default 20 s. */
  bootTimeoutMs?: number;
  /** Facts about the browser; the real ones by default. */
  environment?: BrowserEnvironment;
  /** The `@webcontainer/api` module; lazily imported by default (tests pass the fake). */
  loadWebContainer?: () => Promise<WebContainerApi>;
  /** The template's dependency snapshot; fetched from where the build put it by default. */
  loadDependencies?: LoadDependencies;
  /** Where WebContainers have got to while they start (boot, download, unpack). */
  onProgress?: (progress: StartProgress) => void;
  /** Where boot outcomes are remembered; the page's localStorage by default. */
  memory?: BootMemoryStorage;
  /** How to reach the local runner; the page's own origin by default. */
  local?: LocalRuntimeOptions;
  /** The runner's answer to `/__runner/session`, when the page asked at boot (else asked when needed). */
  runnerSession?: Promise<RunnerSessionAnswer>;
}

export interface RuntimeSelection {
  /** Undefined when no runtime could be had (`choice.kind === 'none'`). */
  runtime: Runtime | undefined;
  choice: RuntimeChoice;
  /** WebContainers were not used but may work: the UI may offer "Try WebContainers again". */
  canRetryWebContainers: boolean;
}

const NO_RUNTIME_NOTE = 'SQL lessons still work';

async function defaultDependencies(): Promise<LoadDependencies> {
  const [{ dependencySnapshot }, { fetchDependencySnapshot }] = await Promise.all([import('virtual:webcontainer-deps'), import('./webcontainer-deps.ts')]);
  return fetchDependencySnapshot(dependencySnapshot);
}

/** Boots WebContainers (already checked as supported), or returns the phrase saying why they cannot be used. */
async function tryWebContainer(options: ChooseRuntimeOptions): Promise<Runtime | string> {
  try {
    const [{ WebContainerRuntime }, { TEMPLATE_FILES }, dependencies] = await Promise.all([
      import('./webcontainer-runtime.ts'),
      import('./template-files.ts'),
      options.loadDependencies ?? defaultDependencies(),
    ]);
    return await WebContainerRuntime.boot({
      load: options.loadWebContainer,
      bootTimeoutMs: options.bootTimeoutMs,
      template: TEMPLATE_FILES,
      dependencies,
      memory: options.memory,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } catch (error) {
    return errorText(error);
  }
}

/** Connects to the local runner, or returns a clause saying why not (e.g. where its sign-in link is). */
async function tryLocal(options: ChooseRuntimeOptions): Promise<Runtime | string> {
  const session = await (options.runnerSession ?? fetchRunnerSession(options.local));
  if (!session) return 'this server does not offer a local runner';
  if (typeof session === 'string') return session;
  try {
    return await LocalRuntime.connect({ ...options.local, session });
  } catch (error) {
    return `the local runner refused the connection (${errorText(error).replace(/\.$/, '')})`;
  }
}

const none = (reason: string, canRetryWebContainers = false): RuntimeSelection => ({ runtime: undefined, choice: { kind: 'none', reason }, canRetryWebContainers });
/** Said in the status line when the local runner can only stop learner processes by process group. */
const containmentNote = (runtime: Runtime) =>
  runtime instanceof LocalRuntime && runtime.containment === 'process-group' ? ' This machine offers no PID namespace, so a learner process that detaches itself may outlive the tab.' : '';
const chosen = (runtime: Runtime, reason: string, canRetryWebContainers = false): RuntimeSelection => ({ runtime, choice: { kind: runtime.kind, reason: reason + containmentNote(runtime) }, canRetryWebContainers });

/** Why WebContainers should not be waited for on this page load, when a local runner can take over. */
function reasonToSkipBoot(environment: BrowserEnvironment, memory: BootMemoryStorage | undefined): string | undefined {
  const held = webContainerHoldReason(environment);
  if (held) return `WebContainers were not started (${held})`;
  const failure = recentBootFailure(memory);
  if (failure) return `WebContainers did not start in this browser ${agoPhrase(failure.at)}${failure.reason ? ` (${failure.reason})` : ''}`;
  return undefined;
}

async function automatic(options: ChooseRuntimeOptions & { memory: BootMemoryStorage | undefined }, retrying: boolean): Promise<RuntimeSelection> {
  const environment = options.environment ?? currentEnvironment();
  const unsupported = webContainerSupportProblem(environment);
  const skip = unsupported || retrying ? undefined : reasonToSkipBoot(environment, options.memory);
  if (skip) {
    const local = await tryLocal(options);
    if (typeof local !== 'string') return chosen(local, `${skip}, so the local runner on this machine runs the lesson.`, true);
    if (webContainerHoldReason(environment)) return none(`${skip} and ${local}, so server lessons cannot run here — ${NO_RUNTIME_NOTE}.`, true);
    // A remembered failure with nothing to fall back on: trying again costs nothing.
  }
  const webContainer = unsupported ?? (await tryWebContainer(options));
  if (typeof webContainer !== 'string') return chosen(webContainer, 'Running in WebContainers: Node.js inside this browser tab.');
  const canRetry = !unsupported;
  const local = await tryLocal(options);
  if (typeof local !== 'string') return chosen(local, `WebContainers could not start (${webContainer}) — using the local runner on this machine.`, canRetry);
  return none(`WebContainers could not start (${webContainer}) and ${local}, so server lessons cannot run here — ${NO_RUNTIME_NOTE}.`, canRetry);
}

export async function chooseRuntime(options: ChooseRuntimeOptions = {}): Promise<RuntimeSelection> {
  const withMemory = { ...options, memory: 'memory' in options ? options.memory : pageStorage() };
  switch (options.forced) {
    case 'none':
      return none(`No runtime, as ?${RUNTIME_PARAM}=none asks — ${NO_RUNTIME_NOTE}.`);
    case 'webcontainer': {
      const unsupported = webContainerSupportProblem(options.environment ?? currentEnvironment());
      const result = unsupported ?? (await tryWebContainer(withMemory));
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
    case undefined:
      return automatic(withMemory, false);
  }
}

/**
 * "Try WebContainers again": forgets the remembered failure and boots now, past the iPhone/iPad
 * hold, reusing a boot still pending from earlier on this page (the real API cannot start a
 * second one). Falls back like the automatic choice. The caller disposes the runtime it had.
 */
export function retryWebContainers(options: Omit<ChooseRuntimeOptions, 'forced'> = {}): Promise<RuntimeSelection> {
  const memory = 'memory' in options ? options.memory : pageStorage();
  forgetBootOutcome(memory);
  return automatic({ ...options, memory }, true);
}
