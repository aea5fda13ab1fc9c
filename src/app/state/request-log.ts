/** One line of the learner's server traffic, as the agent's `request-log` event reports it. */
import type { AgentMessage } from '../../agent/protocol.ts';

export type RequestLogEntry = Omit<Extract<AgentMessage, { type: 'request-log' }>, 'type'>;

/** The log keeps the newest entries only: a busy server must not grow the page without end. */
export const MAX_REQUEST_LOG = 200;

export function appendRequestLog(log: readonly RequestLogEntry[], event: Extract<AgentMessage, { type: 'request-log' }>): RequestLogEntry[] {
  const { type: _type, ...entry } = event;
  return [...log, entry].slice(-MAX_REQUEST_LOG);
}
