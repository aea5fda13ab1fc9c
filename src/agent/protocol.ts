/**
 * The agent protocol, version 1: how the page (or the CLI) talks to the agent that runs
 * inside a runtime, next to the learner's server.
 *
 * Transport: the agent is a Node process (`node .agent/agent.mjs`) started in the workspace.
 * Each message is one JSON object on one line: commands on the agent's stdin, replies and
 * events on its stdout. Anything else the agent prints is a bug. The learner's server output
 * reaches the page as `log` events, never raw. The agent's lines are ASCII only (other
 * characters escaped as \uXXXX), so a terminal between agent and caller (WebContainers run
 * processes on a pseudo-terminal) cannot split or mangle a character; callers must reassemble
 * lines across chunks and ignore lines that are not messages (their own commands echoed by
 * the terminal, ANSI sequences).
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
 *   - `start`/`restart` pick a free port, set PORT, inject the preloads (`node --require
 *     ./.agent/server-preload.cjs [--require ./.agent/msw-preload.cjs] …`, or NODE_OPTIONS for
 *     other commands; MSW only when the lesson's checks script upstream APIs) and reply once the
 *     port accepts TCP connections, the server exits, or `startTimeoutMs` passes (state
 *     `crashed` with the last output in `error`).
 *   - `check` restarts the server first (fresh code, known state) unless `restart: false`, or
 *     unless the running server is provably fresh already (it runs the saved files and has
 *     served no request since it started); streams one `check-result` per check, then replies
 *     with the summary. The checks run in a worker thread: check code that never yields costs
 *     that check (`timeout`), the others still run.
 *   - `lesson` switches the agent to the lesson now written in the workspace (`.agent/lesson.json`,
 *     `.agent/checks.mjs`): stops the server, reloads both, starts the new server (server
 *     lessons) and replies with its status. One agent serves lesson after lesson.
 *   - `shutdown` stops the server, replies, and exits. Callers send it, then kill the process
 *     after a grace period: closing stdin is not a reliable signal (a WebContainer's input
 *     stream sends nothing on close), though the agent also exits when stdin ends.
 *   - `request` times out after 10 s and emits a `request-log` event.
 *   - `hello` reports the runtime features the agent probed at start and the paths it took.
 *   Start, stop, restart, check, lesson and shutdown run one at a time in arrival order; the
 *   others answer at once.
 *
 * Files the agent reads in the workspace (written by whoever mounts the lesson):
 *   .agent/agent.mjs     the agent itself (bundled, no dependencies but the template's)
 *   .agent/lesson.json   AgentLessonConfig
 *   .agent/checks.mjs    the lesson's compiled checks.ts
 *   .agent/datasets/     `sql` lessons: <name>.visible.sqlite and <name>.hidden.sqlite
 *   .agent/check-worker.mjs        the checks worker (bundled)
 *   .agent/server-preload.cjs      the preload every server gets: clock, first-request marker
 *   .agent/msw-preload.cjs         the MSW preload (bundled)
 *   .agent/clock.json              written by the agent: the server clock's ClockState
 *   .agent/clock-ack               written by the server preload: the generation it applied
 *   .agent/server-served           written by the server preload on its first request
 *   .agent/upstream.json           written by the agent: the active UpstreamScript with a
 *                                  generation number (ActiveUpstream); a new generation restarts
 *                                  every scripted sequence
 *   .agent/upstream-calls.jsonl    written by the preload: one UpstreamCall per line
 *
 * Changes within version 1 are additive and optional (older callers keep working):
 * `AgentLessonConfig.startTimeoutMs`, `check.restart`, the `lesson` and `shutdown` commands,
 * `hello.features` (and its `compilers`), `AgentLessonConfig.files`. One is required: `AgentLessonConfig.upstream` (read at build time from the
 * checks, so the server starts before they load); every caller mounts the agent bundle it was
 * built with, so no older agent ever reads it. (The preloads became CommonJS files, `.cjs`, loaded with `--require`; they
 * are part of the bundle every caller mounts as it is, not of the protocol.)
 */
import type { CheckResult } from '../checks/result.ts';
import type { HttpRequestSpec, HttpResponse, QueryResult } from '../checks/define.ts';
import type { UpstreamUse } from '../checks/upstream-use.ts';
import type { LessonKind } from '../lessons/types.ts';

export const AGENT_PROTOCOL_VERSION = 1;

export interface AgentLessonConfig {
  id: string;
  kind: LessonKind;
  start: { command: string; args: string[] };
  /** Variables the learner's server starts with (the lesson's `env`); a check's own `env` goes on top. */
  env?: Record<string, string>;
  /** The lesson's nominal port (what the learner reads); the agent runs the server on a free port passed as PORT. */
  port: number;
  dataset?: string;
  /** How long `start` waits for the port to accept connections (default 5000 ms). */
  startTimeoutMs?: number;
  /** Whether the server starts with upstream fakes, and the lesson's own: known before the checks load. */
  upstream: UpstreamUse;
  /**
   * The learner files mounted for this lesson. When it opens a lesson (at start and on `lesson`)
   * the agent deletes everything else in the workspace but node_modules, `.agent/` and the
   * package files: what an earlier lesson's server wrote (a database, uploads) must not leak
   * into this one. Without it, nothing is deleted.
   */
  files?: string[];
}

/** What the agent found its Node able to do (see runtime-probe.ts), reported in `hello`. */
export interface RuntimeFeatures {
  /** How preloads are loaded into the learner's server. */
  preload: 'require';
  /** `group`: `process.kill(-pid)` ends a process group; `pid`: only single processes can be killed. */
  kill: 'group' | 'pid';
  /** `fetch`: global fetch reaches loopback ports; `http`: requests to the server go through `node:http`. */
  loopback: 'fetch' | 'http';
  /**
   * `baseline`: `node` accepts `--liftoff-only --no-opt`, and the learner's server (when
   * started as `node …`) compiles WebAssembly and JavaScript with V8's baseline compilers only;
   * `default`: it does not.
   */
  compilers: 'baseline' | 'default';
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
  | { id: number; type: 'db'; path: string; sql?: string }
  /** Switch to the lesson now written into the workspace's `.agent/` files. */
  | { id: number; type: 'lesson' }
  /** Stop the server and exit (after the reply). */
  | { id: number; type: 'shutdown' };

export type AgentReplyData = {
  hello: { version: number; node: string; features: RuntimeFeatures };
  start: ServerStatus;
  stop: ServerStatus;
  restart: ServerStatus;
  status: ServerStatus;
  request: HttpResponse;
  check: { passed: number; failed: number; results: CheckResult[] };
  db: { base64?: string; results?: QueryResult[] };
  lesson: ServerStatus;
  shutdown: Record<string, never>;
};

export type AgentMessage =
  | { type: 'reply'; id: number; ok: true; data: AgentReplyData[keyof AgentReplyData] }
  | { type: 'reply'; id: number; ok: false; error: string }
  | { type: 'check-result'; id: number; result: CheckResult }
  | { type: 'log'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'server'; status: ServerStatus }
  | { type: 'request-log'; method: string; path: string; status: number; durationMs: number };
