/**
 * Turns one WebSocket message into a typed, validated runner request — or into the sentence
 * that says what is wrong with it. Parsing happens here, once, so the connection
 * (runner-connection.ts) only dispatches well-formed requests (the shape of
 * src/agent/agent-commands.ts). Data arrives decoded: strings stay strings, base64 becomes bytes.
 */
import type { RunnerRequestType } from '../../runtime/local-protocol.ts';

export type FileData = string | Uint8Array;

export type ParsedRequest =
  | { id: number; type: 'mount'; files: [path: string, data: FileData][] }
  | { id: number; type: 'writeFile'; path: string; data: FileData }
  | { id: number; type: 'readFile'; path: string }
  | { id: number; type: 'remove'; path: string }
  | { id: number; type: 'spawn'; command: string; args: string[]; cwd: string; env: Record<string, string> }
  | { id: number; type: 'stdin'; process: number; data: string }
  | { id: number; type: 'stdin-end'; process: number }
  | { id: number; type: 'kill'; process: number };

/** A message that cannot be answered with a reply (no id) or that gets an error reply (`id` set). */
export interface RequestProblem {
  id?: number;
  error: string;
}

const REQUEST_TYPES: readonly RunnerRequestType[] = ['mount', 'writeFile', 'readFile', 'remove', 'spawn', 'stdin', 'stdin-end', 'kill'];

class BadRequest extends Error {}

type Message = Record<string, unknown>;

/** `label` names the request in the error: a mount's file entries carry no type of their own. */
function string(message: Message, name: string, label = String(message.type)): string {
  const value = message[name];
  if (typeof value !== 'string') throw new BadRequest(`"${label}" needs "${name}" as a string.`);
  return value;
}

function number(message: Message, name: string): number {
  const value = message[name];
  if (typeof value !== 'number') throw new BadRequest(`"${String(message.type)}" needs "${name}" as a number.`);
  return value;
}

function stringArray(message: Message, name: string): string[] {
  const value = message[name];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new BadRequest(`"${String(message.type)}" needs "${name}" as an array of strings.`);
  return value;
}

function stringRecord(message: Message, name: string): Record<string, string> {
  const value = message[name];
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every((item) => typeof item === 'string')) {
    throw new BadRequest(`"${String(message.type)}" needs "${name}" as an object of strings.`);
  }
  // Own entries only, copied into a prototype-free object: `__proto__` is just a name here.
  return Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(Object.entries(value)));
}

function decode(message: Message, label: string): FileData {
  const data = string(message, 'data', label);
  if (message.encoding === 'utf8') return data;
  if (message.encoding === 'base64') return Buffer.from(data, 'base64');
  throw new BadRequest(`"${label}" needs "encoding" "utf8" or "base64".`);
}

function mountFiles(message: Message): [string, FileData][] {
  const files = message.files;
  const shape = '"mount" needs "files" as an array of {path, encoding, data}.';
  if (!Array.isArray(files)) throw new BadRequest(shape);
  return files.map((file: unknown) => {
    if (typeof file !== 'object' || file === null) throw new BadRequest(shape);
    const entry = file as Message;
    return [string(entry, 'path', 'mount'), decode(entry, 'mount')];
  });
}

function parseFields(id: number, message: Message): ParsedRequest {
  const type = message.type as RunnerRequestType;
  if (!REQUEST_TYPES.includes(type)) throw new BadRequest(`Unknown message type ${JSON.stringify(message.type)}; expected one of ${REQUEST_TYPES.join(', ')}.`);
  switch (type) {
    case 'mount':
      return { id, type, files: mountFiles(message) };
    case 'writeFile':
      return { id, type, path: string(message, 'path'), data: decode(message, type) };
    case 'readFile':
    case 'remove':
      return { id, type, path: string(message, 'path') };
    case 'spawn': {
      const cwd = message.cwd === undefined ? '' : string(message, 'cwd');
      return { id, type, command: string(message, 'command'), args: stringArray(message, 'args'), cwd, env: stringRecord(message, 'env') };
    }
    case 'stdin':
      return { id, type, process: number(message, 'process'), data: string(message, 'data') };
    case 'stdin-end':
    case 'kill':
      return { id, type, process: number(message, 'process') };
  }
}

/** One text frame → a request, or the problem to report (with the id when there is one). */
export function parseRunnerRequest(text: string, isBinary: boolean): ParsedRequest | RequestProblem {
  let message: unknown;
  try {
    if (isBinary) throw new BadRequest('binary frames');
    message = JSON.parse(text);
  } catch {
    return { error: `The local runner expects one JSON object per text message; got ${JSON.stringify(text.slice(0, 40))}.` };
  }
  if (typeof message !== 'object' || message === null || typeof (message as { id?: unknown }).id !== 'number') {
    return { error: 'Every message to the local runner needs a numeric "id".' };
  }
  const { id } = message as { id: number };
  try {
    return parseFields(id, message as Message);
  } catch (error) {
    if (error instanceof BadRequest) return { id, error: error.message };
    throw error;
  }
}

export function isRequestProblem(parsed: ParsedRequest | RequestProblem): parsed is RequestProblem {
  return 'error' in parsed;
}
