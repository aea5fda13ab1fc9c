/**
 * The agent protocol, version 1: how the page (or the CLI) talks to the agent that runs
 * inside a runtime, next to the learner's server.
 *
 * Transport: the agent is a Node process (`node .agent/agent.mjs`) started in the workspace.
 * Each message is one JSON object on one line: commands on the agent's stdin, replies and
 * events on its stdout. Anything else the agent prints is a bug. The learner's server output
 * reaches the page as `log` events, never raw.
 *
 * Every command carries an `id` chosen by the caller; the agent answers it with exactly one
 * `reply` (ok or not) with the same id, after any `check-result` events for that id.
 * Events without an id (`log`, `server`, `request-log`) may arrive at any time.
 * A line the agent cannot parse (not JSON, no numeric id, unknown type, missing field) gets
 * an error reply with the line's id, or with id -1 when it has none; the agent keeps running.
 * Callers should treat a stdout line that is not a JSON message as log output (a runtime may
 * merge stderr into the same stream).
 *
 * Behaviour callers rely on:
 *   - `start`/`restart` pick a free port, set PORT, inject the MSW preload (`node --import
 *     ./.agent/msw-preload.mjs …`, or NODE_OPTIONS for other commands) and reply once the port
 *     accepts TCP connections, the server exits, or `startTimeoutMs` passes (state `crashed`
 *     with the last output in `error`).
 *   - `check` restarts the server first (fresh code, known state) unless `restart: false`,
 *     streams one `check-result` per check, then replies with the summary. Start, stop,
 *     restart and check run one at a time in arrival order; the others answer at once.
 *   - `request` times out after 10 s and emits a `request-log` event.
 *
 * Files the agent reads in the workspace (written by whoever mounts the lesson):
 *   .agent/agent.mjs     the agent itself (bundled, no dependencies but the template's)
 *   .agent/lesson.json   AgentLessonConfig
 *   .agent/checks.mjs    the lesson's compiled checks.ts
 *   .agent/datasets/     `sql` lessons: <name>.visible.sqlite and <name>.hidden.sqlite
 *   .agent/msw-preload.mjs         the MSW preload (bundled)
 *   .agent/upstream.json           written by the agent: the active UpstreamScript with a
 *                                  generation number (ActiveUpstream); a new generation restarts
 *                                  every scripted sequence
 *   .agent/upstream-calls.jsonl    written by the preload: one UpstreamCall per line
 *
 * Changes within version 1 are additive and optional (older callers keep working):
 * `AgentLessonConfig.startTimeoutMs`, `check.restart`.
 */
import type { CheckResult } from '../checks/result.ts';
import type { HttpRequestSpec, HttpResponse, QueryResult } from '../checks/define.ts';
import type { LessonKind } from '../lessons/types.ts';

export const AGENT_PROTOCOL_VERSION = 1;

export interface AgentLessonConfig {
  id: string;
  kind: LessonKind;
  start: { command: string; args: string[] };
  /** The lesson's nominal port (what the learner reads); the agent runs the server on a free port passed as PORT. */
  port: number;
  dataset?: string;
  /** How long `start` waits for the port to accept connections (default 5000 ms). */
  startTimeoutMs?: number;
}

export type ServerState = 'stopped' | 'starting' | 'running' | 'crashed';

export interface ServerStatus {
  state: ServerState;
  port: number;
  /** `crashed`: the last lines of output and the exit code, for the status pill. */
  error?: string;
}

export type AgentCommand =
  | { id: number; type: 'hello' }
  | { id: number; type: 'start' }
  | { id: number; type: 'stop' }
  | { id: number; type: 'restart' }
  | { id: number; type: 'status' }
  | { id: number; type: 'request'; request: HttpRequestSpec }
  /** `restart: false` checks the server as it runs now (default: restart it first). */
  | { id: number; type: 'check'; only?: string[]; restart?: boolean }
  /** Without `sql`: the file's bytes (base64). With `sql`: the query result on a copy. `path` is workspace-relative; `..` and absolute paths are refused. */
  | { id: number; type: 'db'; path: string; sql?: string };

export type AgentReplyData = {
  hello: { version: number; node: string };
  start: ServerStatus;
  stop: ServerStatus;
  restart: ServerStatus;
  status: ServerStatus;
  request: HttpResponse;
  check: { passed: number; failed: number; results: CheckResult[] };
  db: { base64?: string; results?: QueryResult[] };
};

export type AgentMessage =
  | { type: 'reply'; id: number; ok: true; data: AgentReplyData[keyof AgentReplyData] }
  | { type: 'reply'; id: number; ok: false; error: string }
  | { type: 'check-result'; id: number; result: CheckResult }
  | { type: 'log'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'server'; status: ServerStatus }
  | { type: 'request-log'; method: string; path: string; status: number; durationMs: number };
