/**
 * The page's one runtime, chosen once (a WebContainer can boot only once per page) and shared
 * by every lesson the learner opens. `runtimeChoice` says which runtime runs the code and why,
 * verbatim from chooseRuntime, for the header; while WebContainers start, `runtimeProgress`
 * says where they have got to. When WebContainers were passed over but may work,
 * `canRetryWebContainers` lets the header offer "Try WebContainers again".
 */
import { batch, signal } from '@preact/signals';
import type { RuntimeSelection } from '../../runtime/choose-runtime.ts';
import type { Runtime, RuntimeChoice } from '../../runtime/runtime.ts';
import { fetchRunnerSession } from '../../runtime/runner-session.ts';
import { mayUseLocalRunner, parseRuntimeParam } from '../../runtime/runtime-param.ts';
import { errorText } from '../../shared/error-text.ts';

export const runtimeChoice = signal<RuntimeChoice | undefined>(undefined);
/** The latest step of a WebContainers start ("Downloading dependencies…"), cleared once chosen. */
export const runtimeProgress = signal<string | undefined>(undefined);
export const canRetryWebContainers = signal(false);

let starting: Promise<Runtime | undefined> | undefined;
/**
 * Called when a retry replaces the runtime, before the old one is disposed: the open lesson
 * starts again in the new runtime, and the promise a listener returns (its agent in the old
 * runtime shut down) is awaited first, so nothing is killed mid-conversation.
 */
const replacedListeners = new Set<() => Promise<void> | void>();

const onProgress = ({ text }: { text: string }) => (runtimeProgress.value = text);

function settle(selection: RuntimeSelection, problem?: string): Runtime | undefined {
  batch(() => {
    runtimeChoice.value = problem ? { ...selection.choice, reason: `${selection.choice.reason} (${problem})` } : selection.choice;
    runtimeProgress.value = undefined;
    canRetryWebContainers.value = selection.canRetryWebContainers;
  });
  return selection.runtime;
}

function failed(error: unknown): undefined {
  batch(() => {
    runtimeChoice.value = { kind: 'none', reason: `No runtime could start: ${errorText(error)}` };
    runtimeProgress.value = undefined;
  });
  return undefined;
}

export function sessionRuntime(): Promise<Runtime | undefined> {
  starting ??= (async () => {
    const { forced, problem } = parseRuntimeParam(location.search);
    // Asked before the adapters' chunk loads (the answer is back by the time the runtime is
    // chosen), and only when the choice may use the local runner.
    const runnerSession = mayUseLocalRunner(forced) ? { runnerSession: fetchRunnerSession() } : {};
    // Lazy: the WebContainer and local-runner adapters are not needed before a lesson opens.
    const { chooseRuntime } = await import('../../runtime/choose-runtime.ts');
    return settle(await chooseRuntime(forced ? { forced, onProgress, ...runnerSession } : { onProgress, ...runnerSession }), problem);
  })().catch(failed);
  return starting;
}

/** `listener` runs after "Try WebContainers again" chose a new runtime, before the old one is disposed. */
export function onRuntimeReplaced(listener: () => Promise<void> | void): () => void {
  replacedListeners.add(listener);
  return () => replacedListeners.delete(listener);
}

/** "Try WebContainers again": boots them now, tells the open lesson, then disposes the runtime it replaced. */
export async function retryWebContainersNow(): Promise<void> {
  const previous = await sessionRuntime();
  batch(() => {
    canRetryWebContainers.value = false;
    runtimeChoice.value = undefined;
  });
  const { retryWebContainers } = await import('../../runtime/choose-runtime.ts');
  const next = retryWebContainers({ onProgress }).then((selection) => settle(selection), failed);
  starting = next;
  const runtime = await next;
  if (previous === runtime) return;
  await Promise.all([...replacedListeners].map((listener) => listener()));
  await previous?.dispose();
}

export function describeRuntime(choice: RuntimeChoice | undefined, progress?: string): string {
  if (choice) return choice.reason;
  return progress ? `Starting a runtime: ${progress}` : 'Starting a runtime…';
}
