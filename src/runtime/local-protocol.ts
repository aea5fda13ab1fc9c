/**
 * The local runner's wire protocol: how the page (src/runtime/local-runtime.ts) talks to the
 * runner host mounted into the Vite dev/preview server (src/node/runner/). Shared by both
 * sides, so it imports nothing from Node or the DOM.
 *
 * Handshake (Jupyter-style: the token travels out of band, never over HTTP to the page):
 *   0. The server prints `http://localhost:PORT/?token=…` (and writes it to a 0600 file). Opening
 *      it exchanges the token for an HttpOnly, SameSite=Strict cookie (path `/__runner`) and
 *      redirects to the same address without the token. The page's script never sees either.
 *   1. `GET /__runner/session` (same-origin only) → `RunnerSession` when the cookie is there;
 *      otherwise a `RunnerSignIn` saying where the link is (no secret either way).
 *   2. WebSocket to `/__runner/ws` with subprotocol `LOCAL_RUNNER_SUBPROTOCOL`; the browser sends
 *      the cookie. The host refuses the upgrade (HTTP 403) when the peer is not loopback, the
 *      Origin is not the app's own, or the cookie is missing or stale.
 *   3. The host creates the tab's workspace and sends `ready` (saying how learner processes are
 *      contained), or closes the socket with `RUNNER_CLOSE_TOO_MANY` and a readable reason when
 *      the workspace cap is reached.
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
/** The query parameter of the printed link that carries the token. */
export const LOCAL_RUNNER_TOKEN_PARAM = 'token';
/** The cookie's path: only the runner's own endpoints ever receive it. */
export const LOCAL_RUNNER_COOKIE_PATH = '/__runner';
/** Largest message the host accepts; bigger ones close that connection (1009), not the server. */
export const LOCAL_RUNNER_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** WebSocket close code for "too many open workspaces" (1013 = try again later). */
export const RUNNER_CLOSE_TOO_MANY = 1013;

export interface RunnerSession {
  protocol: number;
  socketPath: string;
}

/** The session endpoint's answer without the cookie: a sentence for the learner saying where the link is. */
export interface RunnerSignIn {
  protocol: number;
  signIn: string;
}

/**
 * How a workspace's processes are kept from outliving it: a PID namespace (they all die with
 * it, even ones that `setsid`), or only process-group kills plus a /proc walk (a process that
 * leaves both can escape).
 */
export type RunnerContainment = 'pid-namespace' | 'process-group';

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
  | { type: 'ready'; protocol: number; containment: RunnerContainment }
  | { type: 'reply'; id: number; ok: true; data: RunnerReplyData[RunnerRequestType] }
  | { type: 'reply'; id: number; ok: false; error: string }
  /** stdout and stderr of one process, merged in arrival order. */
  | { type: 'output'; process: number; data: string }
  /** The process and its tree are gone; killed processes report 128 + signal number. */
  | { type: 'exit'; process: number; code: number }
  | { type: 'server-ready'; port: number; url: string }
  | { type: 'error'; error: string };
