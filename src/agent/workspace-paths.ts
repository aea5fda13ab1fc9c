/** The files under `.agent/` the agent, the MSW preload and the workspace builders share (see protocol.ts). */
export const AGENT_SCRIPT = '.agent/agent.mjs';
/**
 * The preloads, CommonJS on purpose: `node --require` works on every Node version a runtime may
 * bring (`--import` needs 18.19/20.6), for ESM servers too. The server preload (clock, request
 * marker) is always loaded; the MSW preload only when the lesson's checks script upstreams.
 */
export const MSW_PRELOAD_SCRIPT = '.agent/msw-preload.cjs';
export const SERVER_PRELOAD_SCRIPT = '.agent/server-preload.cjs';
/** The checks worker: runs the lesson's checks module in a worker thread the agent can terminate. */
export const CHECK_WORKER_SCRIPT = '.agent/check-worker.mjs';
/** The server clock's state (ClockState), written by the agent, read by the clock preload. */
export const CLOCK_STATE = '.agent/clock.json';
/** Written by the clock preload: the last ClockState generation the server has applied. */
export const CLOCK_ACK = '.agent/clock-ack';
/** Written by the server preload when the server answers its first HTTP request (its state is no longer fresh). */
export const SERVED_MARKER = '.agent/server-served';
export const LESSON_CONFIG = '.agent/lesson.json';
export const CHECKS_MODULE = '.agent/checks.mjs';
/** The active UpstreamScript, rewritten by the agent per check; read by the preload on every call. */
export const UPSTREAM_SCRIPT = '.agent/upstream.json';
/** One JSON UpstreamCall per line, appended by the preload. */
export const UPSTREAM_CALLS = '.agent/upstream-calls.jsonl';

export function datasetPath(name: string, variant: 'visible' | 'hidden'): string {
  return `.agent/datasets/${name}.${variant}.sqlite`;
}
