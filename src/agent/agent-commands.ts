/**
 * Parses one line of the agent's stdin into an AgentCommand, or says exactly what is wrong
 * with it. Malformed input never reaches the command handlers.
 */
import type { AgentCommand } from './protocol.ts';

const TYPES = new Set<AgentCommand['type']>(['hello', 'start', 'stop', 'restart', 'status', 'request', 'check', 'db', 'lesson', 'shutdown']);

export type ParsedLine = { ok: true; command: AgentCommand } | { ok: false; id: number; error: string };

export function parseCommandLine(line: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, id: -1, error: `not a JSON command: ${JSON.stringify(line.length > 120 ? `${line.slice(0, 120)}…` : line)}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, id: -1, error: 'a command must be a JSON object' };
  const record = value as Record<string, unknown>;
  const id = typeof record.id === 'number' && Number.isFinite(record.id) ? record.id : -1;
  if (id === -1) return { ok: false, id, error: 'a command needs a numeric "id"' };
  if (typeof record.type !== 'string' || !TYPES.has(record.type as AgentCommand['type'])) {
    return { ok: false, id, error: `unknown command type ${JSON.stringify(record.type)}; expected one of ${[...TYPES].join(', ')}` };
  }
  if (record.type === 'request') {
    const request = record.request as Record<string, unknown> | undefined;
    if (!request || typeof request.path !== 'string') return { ok: false, id, error: '"request" needs request.path (a string)' };
  }
  if (record.type === 'db' && typeof record.path !== 'string') return { ok: false, id, error: '"db" needs a "path" (a string)' };
  if (record.type === 'check' && record.only !== undefined && !(Array.isArray(record.only) && record.only.every((item) => typeof item === 'string'))) {
    return { ok: false, id, error: '"check" only accepts "only" as an array of check ids' };
  }
  // Shape checked field by field above; the handlers rely on exactly these fields.
  return { ok: true, command: record as unknown as AgentCommand };
}
