/**
 * The local runner's wire protocol: how the page (src/runtime/local-runtime.ts) talks to the
 * runner host mounted into the Vite dev/preview server (src/node/runner/). Shared by both
 * sides, so it imports nothing from Node or the DOM.
 *
 * Handshake:
 *   1. `GET /__runner/session` (same-origin only) → `RunnerSession` with the per-start token.
 *   2. WebSocket to `/__runner/ws` with subprotocols `[LOCAL_RUNNER_SUBPROTOCOL, 'token.<token>']`
 *      (a browser cannot set headers on a WebSocket; a subprotocol keeps the token out of URLs
 *      and logs). The host refuses the upgrade (HTTP 403) when the peer is not loopback, the
 *      Origin is not the app's own, or the token is wrong.
 *   3. The host creates the tab's workspace and sends `ready`, or closes the socket with
 *      `RUNNER_CLOSE_TOO_MANY` and a readable reason when the workspace cap is reached.
 *
 * Then every client message carries an `id` and gets exactly one `reply` with that id.
 * `output`, `exit` and `server-ready` events arrive at any time; `error` reports a message
 * the host could not attribute to an id (garbage JSON). Text travels as UTF-8 strings;
 * bytes as base64 (`EncodedData`).
 */

export const LOCAL_RUNNER_PROTOCOL_VERSION = 1;
export const LOCAL_RUNNER_SESSION_PATH = '/__runner/session';
export const LOCAL_RUNNER_SOCKET_PATH = '/__runner/ws';
export const LOCAL_RUNNER_SUBPROTOCOL = 'backend-playground-runner.v1';
export const LOCAL_RUNNER_TOKEN_PREFIX = 'token.';
/** Largest message the host accepts; bigger ones close that connection (1009), not the server. */
export const LOCAL_RUNNER_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** WebSocket close code for "too many open workspaces" (1013 = try again later). */
export const RUNNER_CLOSE_TOO_MANY = 1013;

export interface RunnerSession {
  protocol: number;
  token: string;
  socketPath: string;
}

export type EncodedData = { encoding: 'utf8'; data: string } | { encoding: 'base64'; data: string };

export type RunnerRequest =
  | { id: number; type: 'mount'; files: ({ path: string } & EncodedData)[] }
  | ({ id: number; type: 'writeFile'; path: string } & EncodedData)
  | { id: number; type: 'readFile'; path: string }
  | { id: number; type: 'remove'; path: string }
  | { id: number; type: 'spawn'; command: string; args: string[]; cwd?: string; env?: Record<string, string> }
  | { id: number; type: 'stdin'; process: number; data: string }
  | { id: number; type: 'stdin-end'; process: number }
  | { id: number; type: 'kill'; process: number };

export type RunnerRequestType = RunnerRequest['type'];

/** What a successful reply carries, per request type. */
export type RunnerReplyData = {
  mount: null;
  writeFile: null;
  readFile: { base64: string };
  remove: null;
  spawn: { process: number };
  stdin: null;
  'stdin-end': null;
  kill: null;
};

export type RunnerEvent =
  | { type: 'ready'; protocol: number }
  | { type: 'reply'; id: number; ok: true; data: RunnerReplyData[RunnerRequestType] }
  | { type: 'reply'; id: number; ok: false; error: string }
  /** stdout and stderr of one process, merged in arrival order. */
  | { type: 'output'; process: number; data: string }
  /** The process and its tree are gone; killed processes report 128 + signal number. */
  | { type: 'exit'; process: number; code: number }
  | { type: 'server-ready'; port: number; url: string }
  | { type: 'error'; error: string };
