/**
 * The CheckEnvironment inside the agent: the learner's files are the workspace on disk, the
 * server is the LearnerServer, its clock the ServerClock, databases open with sql.js from the
 * template's node_modules. The checks worker reaches the server-side methods through the
 * agent's main thread (check-worker-host.ts) and does the file and database ones itself.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import type { CommandResult, DatasetVariant, HttpRequestSpec, HttpResponse, ServerEnv, ServerExit, SqlDatabase, UpstreamCall, UpstreamScript } from '../checks/define.ts';
import type { CheckEnvironment } from '../checks/environment.ts';
import { CheckFailure } from '../checks/check-failure.ts';
import { readResponse, requestInit, requestUrl } from '../checks/fetch-translation.ts';
import { wrapSqlJsDatabase } from '../checks/sql-database.ts';
import { workspacePathSegments } from '../runtime/workspace-path.ts';
import { errorText } from '../shared/error-text.ts';
import { fetchOverHttp } from './http-fallback.ts';
import type { LearnerServer } from './learner-server.ts';
import type { AgentLessonConfig, RuntimeFeatures } from './protocol.ts';
import { runCommand } from './run-command.ts';
import type { ServerClock } from './server-clock.ts';
import type { ActiveUpstream } from './upstream-match.ts';
import { datasetPath, UPSTREAM_CALLS, UPSTREAM_SCRIPT } from './workspace-paths.ts';

export interface AgentEnvironmentOptions {
  root: string;
  lesson: AgentLessonConfig;
  server: LearnerServer;
  clock: ServerClock;
  /** What the runtime probe found (it may still be running when the environment is made). */
  features(): RuntimeFeatures;
}

export class AgentEnvironment implements CheckEnvironment {
  private readonly root: string;
  private readonly lesson: AgentLessonConfig;
  private readonly server: LearnerServer;
  private readonly clock: ServerClock;
  private readonly features: () => RuntimeFeatures;
  private upstreamGeneration = 0;

  constructor(options: AgentEnvironmentOptions) {
    ({ root: this.root, lesson: this.lesson, server: this.server, clock: this.clock, features: this.features } = options);
  }

  async request(spec: HttpRequestSpec, timeoutMs: number): Promise<HttpResponse> {
    return sendToServer(this.server, spec, timeoutMs, this.lesson, this.features());
  }

  async readFile(path: string): Promise<Uint8Array | undefined> {
    return readWorkspaceFile(this.root, path);
  }

  async openDatabase(bytes?: Uint8Array): Promise<SqlDatabase> {
    return openSqlJsDatabase(bytes);
  }

  async datasetBytes(variant: DatasetVariant): Promise<Uint8Array> {
    return readDatasetBytes(this.root, this.lesson, variant);
  }

  async setUpstream(script: UpstreamScript): Promise<void> {
    this.upstreamGeneration += 1;
    const active: ActiveUpstream = { generation: this.upstreamGeneration, script };
    await writeFile(join(this.root, UPSTREAM_SCRIPT), JSON.stringify(active));
    // The server starts without MSW when the checks module declares no upstream; a check that
    // scripts one anyway gets a server with the fakes in place.
    if (Object.keys(script).length > 0 && this.server.enableUpstreamMocks()) await this.restartServer();
  }

  async upstreamCalls(): Promise<UpstreamCall[]> {
    const bytes = await readWorkspaceFile(this.root, UPSTREAM_CALLS);
    if (!bytes) return [];
    return new TextDecoder()
      .decode(bytes)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as UpstreamCall);
  }

  async restartServer(options: { env?: ServerEnv } = {}): Promise<void> {
    const status = await this.server.start(options);
    if (status.state !== 'running') throw new CheckFailure(status.error ?? 'Your server did not start.', { logs: this.server.output.tail(), kind: 'server-down' });
  }

  async signalServer(signal: 'SIGTERM' | 'SIGINT' | 'SIGHUP', timeoutMs: number): Promise<ServerExit> {
    const status = this.server.status();
    if (status.state !== 'running') throw new CheckFailure(describeDown(status.state, status.error), { logs: this.server.output.tail(), kind: 'server-down' });
    return this.server.signal(signal, timeoutMs);
  }

  async clockNow(): Promise<number> {
    return this.clock.now();
  }

  async advanceClock(ms: number): Promise<void> {
    await this.clock.advance(ms);
  }

  async resetClock(): Promise<void> {
    await this.clock.reset();
  }

  async runCommand(command: string, args: string[], options: { timeoutMs: number; env?: Record<string, string> }): Promise<CommandResult> {
    return runCommand(command, args, { cwd: this.root, killMode: this.features().kill, ...options });
  }

  outputMark(): number {
    return this.server.output.mark();
  }

  outputSince(mark: number): string {
    return this.server.output.since(mark);
  }

  async recover(): Promise<void> {
    if (this.lesson.kind === 'server') await this.server.start();
  }
}

/** Sends one request to the learner's server; a server that is down or drops the request is the learner's bug. */
export async function sendToServer(server: LearnerServer, spec: HttpRequestSpec, timeoutMs: number, lesson: AgentLessonConfig, features: RuntimeFeatures): Promise<HttpResponse> {
  if (lesson.kind !== 'server') throw new Error(`lesson ${lesson.id} is a ${lesson.kind} lesson: it has no server to send requests to`);
  const before = server.status();
  if (before.state !== 'running') throw new CheckFailure(describeDown(before.state, before.error), { logs: server.output.tail(), kind: 'server-down' });
  const label = `${spec.method ?? 'GET'} ${spec.path}`;
  const started = performance.now();
  const send = features.loopback === 'fetch' ? fetch : fetchOverHttp;
  try {
    const response = await send(requestUrl(`http://127.0.0.1:${before.port}`, spec), { ...requestInit(spec), signal: AbortSignal.timeout(timeoutMs) });
    return await readResponse(response, started);
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new CheckFailure(`Your server did not answer ${label} within ${Math.round(timeoutMs) / 1000} s. Does every path through the route send a response?`, { logs: server.output.tail() });
    }
    // Give an exit a moment to be noticed, so a crash is reported as a crash.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = server.status();
    if (after.state !== 'running') throw new CheckFailure(`Your server crashed while handling ${label}. ${after.error ?? ''}`.trim(), { logs: server.output.tail() });
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : errorText(error);
    throw new CheckFailure(`Your server closed the connection without answering ${label} (${cause}).`, { logs: server.output.tail() });
  }
}

function describeDown(state: string, error: string | undefined): string {
  if (state === 'crashed') return `Your server is not running. ${error ?? ''}`.trim();
  return state === 'starting' ? 'Your server is still starting.' : 'Your server is not running: start it first.';
}

/** A workspace file's bytes, `undefined` when missing; paths leaving the workspace are refused with a message. */
export async function readWorkspaceFile(root: string, path: string): Promise<Uint8Array | undefined> {
  const segments = workspacePathSegments(path);
  try {
    return new Uint8Array(await readFile(join(root, ...segments)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
    throw error;
  }
}

/** `sql` lessons: the dataset variant's bytes from `.agent/datasets/`. */
export async function readDatasetBytes(root: string, lesson: AgentLessonConfig, variant: DatasetVariant): Promise<Uint8Array> {
  if (!lesson.dataset) throw new Error(`lesson ${lesson.id} has no dataset (set \`dataset:\` in lesson.md)`);
  const bytes = await readWorkspaceFile(root, datasetPath(lesson.dataset, variant));
  if (!bytes) throw new Error(`dataset file ${datasetPath(lesson.dataset, variant)} is missing from the workspace`);
  return bytes;
}

export async function openSqlJsDatabase(bytes?: Uint8Array): Promise<SqlDatabase> {
  const SQL = await loadSqlJs();
  return wrapSqlJsDatabase(new SQL.Database(bytes));
}

let sqlJs: Promise<SqlJsStatic> | undefined;

/** sql.js from the workspace's node_modules (the lesson template's dependency), loaded once on first use. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= import('sql.js').then((module) => module.default());
  return sqlJs;
}
