/** The files under `.agent/` the agent, the MSW preload and the workspace builders share (see protocol.ts). */
export const AGENT_SCRIPT = '.agent/agent.mjs';
export const PRELOAD_SCRIPT = '.agent/msw-preload.mjs';
export const LESSON_CONFIG = '.agent/lesson.json';
export const CHECKS_MODULE = '.agent/checks.mjs';
/** The active UpstreamScript, rewritten by the agent per check; read by the preload on every call. */
export const UPSTREAM_SCRIPT = '.agent/upstream.json';
/** One JSON UpstreamCall per line, appended by the preload. */
export const UPSTREAM_CALLS = '.agent/upstream-calls.jsonl';

export function datasetPath(name: string, variant: 'visible' | 'hidden'): string {
  return `.agent/datasets/${name}.${variant}.sqlite`;
}
