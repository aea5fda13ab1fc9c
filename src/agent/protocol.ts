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
 *
 * Files the agent reads in the workspace (written by whoever mounts the lesson):
 *   .agent/agent.mjs     the agent itself (bundled, no dependencies but the template's)
 *   .agent/lesson.json   AgentLessonConfig
 *   .agent/checks.mjs    the lesson's compiled checks.ts
 *   .agent/datasets/     `sql` lessons: <name>.visible.sqlite and <name>.hidden.sqlite
 */
import type { CheckResult } from '../checks/result.ts';
import type { HttpRequestSpec, HttpResponse, QueryResult } from '../checks/define.ts';
import type { LessonKind } from '../lessons/types.ts';

export const AGENT_PROTOCOL_VERSION = 1;

export interface AgentLessonConfig {
  id: string;
  kind: LessonKind;
  start: { command: string; args: string[] };
  port: number;
  dataset?: string;
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
  | { id: number; type: 'check'; only?: string[] }
  /** Without `sql`: the file's bytes (base64). With `sql`: the query result on a copy. */
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
