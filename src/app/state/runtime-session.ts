/**
 * The page's one runtime, chosen once (a WebContainer can boot only once per page) and shared
 * by every lesson the learner opens. `runtimeChoice` says which runtime runs the code and why,
 * verbatim from chooseRuntime, for the header.
 */
import { signal } from '@preact/signals';
import type { Runtime, RuntimeChoice } from '../../runtime/runtime.ts';

export const runtimeChoice = signal<RuntimeChoice | undefined>(undefined);

let starting: Promise<Runtime | undefined> | undefined;

export function sessionRuntime(): Promise<Runtime | undefined> {
  starting ??= (async () => {
    // Lazy: the WebContainer and local-runner adapters are not needed before a lesson opens.
    const { chooseRuntime, parseRuntimeParam } = await import('../../runtime/choose-runtime.ts');
    const { forced, problem } = parseRuntimeParam(location.search);
    const { runtime, choice } = await chooseRuntime(forced ? { forced } : {});
    runtimeChoice.value = problem ? { ...choice, reason: `${choice.reason} (${problem})` } : choice;
    return runtime;
  })().catch((error: unknown) => {
    runtimeChoice.value = { kind: 'none', reason: `No runtime could start: ${error instanceof Error ? error.message : String(error)}` };
    return undefined;
  });
  return starting;
}

export function describeRuntime(choice: RuntimeChoice | undefined): string {
  return choice ? choice.reason : 'Starting a runtime…';
}
