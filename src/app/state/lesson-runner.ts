/**
 * The open lesson's runner: puts the learner's files into the page's runtime through the page's
 * one agent (page-agent.ts) and is the only way to them — restarts, HTTP requests, database
 * reads, check runs — one task at a time, in the order asked. It owns the server's status, its
 * output and its request log. Opening a lesson queues behind the work already asked for; a
 * lesson's work stops touching state once its AbortSignal fires, and a lesson whose signal
 * fired before its turn is never mounted at all.
 */
import { batch, signal } from '@preact/signals';
import type { AgentEvent } from '../../agent/client.ts';
import type { ServerStatus } from '../../agent/protocol.ts';
import type { HttpRequestSpec, HttpResponse } from '../../checks/define.ts';
import type { CheckResult, CheckRunSummary } from '../../checks/result.ts';
import type { Lesson } from '../../lessons/types.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { base64ToBytes } from '../../shared/base64.ts';
import { errorText } from '../../shared/error-text.ts';
import { checkSqlLessonInPage } from '../../sql/check-sql-lesson.ts';
import type { FileSet } from './lesson-files-store.ts';
import { PageAgent, type LoadRuntimeFiles } from './page-agent.ts';
import { appendRequestLog, type RequestLogEntry } from './request-log.ts';
import { runtimeChoice, sessionRuntime } from './runtime-session.ts';
import { ServerOutputStore } from './server-output-store.ts';

/** What the status pill shows: the agent's server states plus "no runtime at all". */
export type ServerPillState = ServerStatus['state'] | 'unavailable';
export interface ServerPill {
  state: ServerPillState;
  error?: string;
  /** The port the learner's server really listens on (the agent picks a free one), once known. */
  port?: number;
}

/** When a sync restarts the learner's server: after any change written, always, or never (checks restart it themselves). */
export type RestartWhen = 'if-changed' | 'always' | 'never';

/** After a learner stops typing this long, the files go to the runtime and the server restarts. */
const SYNC_DEBOUNCE_MS = 800;
/** Every check has its own timeout in the agent; this only keeps "Checking…" from sticking if the agent hangs. */
const CHECK_RUN_TIMEOUT_MS = 180_000;

interface RunningLesson {
  lesson: Lesson;
  signal: AbortSignal;
}

export interface LessonRunnerOptions {
  /** The page's runtime; runtime-session.ts's by default. */
  runtime?: () => Promise<Runtime | undefined>;
  /** The agent bundle's files; `virtual:agent` by default. */
  runtimeFiles?: LoadRuntimeFiles;
  /** How long the agent may take to shut down before it is killed (AgentClient's default otherwise). */
  shutdownGraceMs?: number;
}

const loadAgentBundle: LoadRuntimeFiles = async () => (await import('virtual:agent')).runtimeFiles;

export class LessonRunner {
  readonly server = signal<ServerPill>({ state: 'starting' });
  readonly output = new ServerOutputStore();
  /** The learner's server traffic (the agent's `request-log` events), newest last. */
  readonly requestLog = signal<RequestLogEntry[]>([]);
  /** Bumped after every request and check run, so inspectors showing server state reload. */
  readonly inspectorRefresh = signal(0);

  readonly #files: () => FileSet;
  readonly #runtime: () => Promise<Runtime | undefined>;
  readonly #runtimeFiles: LoadRuntimeFiles;
  readonly #shutdownGraceMs: number | undefined;
  #current: RunningLesson | undefined;
  /** The agent in the session's runtime; replaced only with the runtime. */
  #agent: PageAgent | undefined;
  #ready: Promise<void> = Promise.resolve();
  #syncTimer: ReturnType<typeof setTimeout> | undefined;
  #queue: Promise<void> = Promise.resolve();

  /** `files` reads the learner's files as they are now. */
  constructor(files: () => FileSet, options: LessonRunnerOptions = {}) {
    this.#files = files;
    this.#runtime = options.runtime ?? sessionRuntime;
    this.#runtimeFiles = options.runtimeFiles ?? loadAgentBundle;
    this.#shutdownGraceMs = options.shutdownGraceMs;
    // The page is going away for good (not into the back/forward cache): there is no time for a
    // grace period, so the agent is asked to shut down and killed at once.
    globalThis.addEventListener?.('pagehide', (event) => {
      if ((event as PageTransitionEvent).persisted) return;
      void this.#agent?.dispose(0);
      this.#agent = undefined;
    });
  }

  /** Clears what the previous lesson showed; the next lesson's `start` follows. The agent stays for it. */
  stop(): void {
    clearTimeout(this.#syncTimer);
    this.#current = undefined;
    batch(() => {
      this.server.value = { state: 'starting' };
      this.requestLog.value = [];
    });
    this.output.clear();
  }

  /** Mounts the lesson's files and has the agent serve it, after the work already queued; `signal` ends the lesson's work. */
  start(lesson: Lesson, signal: AbortSignal): void {
    const current = (this.#current = { lesson, signal });
    this.#ready = this.#enqueue(() => this.#open(current));
  }

  /**
   * The learner left the workspace: stops the learner's server and keeps the agent, so the
   * next server lesson starts in the time its server takes, not an agent's Node start-up too.
   */
  leave(): Promise<void> {
    this.stop();
    return this.#enqueue(() => this.#stopServer());
  }

  /** The Run/Restart button: starts the agent again if it stopped, else writes the files and restarts the server. */
  async restart(): Promise<void> {
    await this.#ready;
    const current = this.#current;
    if (!current || current.signal.aborted) return;
    if (!this.#agent?.client) {
      this.#ready = this.#enqueue(() => this.#open(current));
      return this.#ready;
    }
    await this.sync('always');
  }

  /**
   * After "Try WebContainers again" chose a new runtime: shuts the agent in the old one down
   * (resolving once it is gone, so the old runtime can be disposed after it) and starts the
   * open lesson again in the new one.
   */
  rebootInNewRuntime(): Promise<void> {
    clearTimeout(this.#syncTimer);
    const old = this.#agent;
    this.#agent = undefined;
    const current = this.#current;
    if (current && !current.signal.aborted) {
      this.server.value = { state: 'starting' };
      this.output.clear();
      this.#ready = this.#enqueue(() => this.#open(current));
    }
    return old?.dispose(this.#shutdownGraceMs) ?? Promise.resolve();
  }

  /** Writes the files a few moments after the last keystroke. */
  syncSoon(): void {
    clearTimeout(this.#syncTimer);
    this.#syncTimer = setTimeout(() => void this.sync('if-changed'), SYNC_DEBOUNCE_MS);
  }

  /** Writes changed files to the runtime, then restarts the learner's server as `restart` says. */
  sync(restart: RestartWhen): Promise<void> {
    clearTimeout(this.#syncTimer);
    const current = this.#current;
    return this.#enqueue(async () => {
      const agent = this.#agent;
      const client = agent?.client;
      if (!agent || !client || !current || current.signal.aborted || current.lesson.meta.kind === 'sql') return;
      let changed: boolean;
      try {
        changed = await agent.sync(this.#files());
      } catch (error) {
        this.server.value = { state: 'crashed', error: `Your files could not be written to the runtime: ${errorText(error)}` };
        return;
      }
      if (restart === 'always' || (restart === 'if-changed' && changed)) await this.#command(() => client.send({ type: 'restart' }), current.signal);
    });
  }

  /** Sends a request to the learner's server (HTTP client), after writing any pending edits. */
  async sendRequest(request: HttpRequestSpec): Promise<HttpResponse> {
    await this.sync('if-changed');
    const client = this.#agent?.client;
    if (!client) throw new Error(this.server.peek().error ?? 'No runtime is running your server.');
    try {
      return await client.send({ type: 'request', request });
    } finally {
      this.inspectorRefresh.value++;
    }
  }

  /** A workspace file's bytes (the learner's SQLite database), or undefined when it does not exist yet. */
  async readDatabase(path: string): Promise<Uint8Array | undefined> {
    await this.#ready;
    const client = this.#agent?.client;
    if (!client) throw new Error(this.server.peek().error ?? 'No runtime is running your code.');
    let base64: string | undefined;
    try {
      ({ base64 } = await client.send({ type: 'db', path }));
    } catch (error) {
      if (/does not exist/.test(errorText(error))) return undefined;
      throw error;
    }
    return base64 === undefined ? undefined : base64ToBytes(base64);
  }

  clearRequestLog(): void {
    this.requestLog.value = [];
  }

  /** Runs the open lesson's checks on the files as they are now, calling `onResult` as each finishes. */
  async check(onResult: (result: CheckResult) => void): Promise<CheckRunSummary> {
    const current = this.#current;
    if (!current) throw new Error('no lesson is open.');
    // The agent restarts the server itself before checking (when it must), so the files only need writing.
    void this.sync('never');
    try {
      return await this.#enqueue(async () => {
        // `sql` lessons need no runtime: the page's SQL worker runs their checks.
        if (current.lesson.meta.kind === 'sql') return checkSqlLessonInPage(current.lesson, this.#files(), onResult);
        const client = this.#agent?.client;
        if (client) return client.check(onResult, { timeoutMs: CHECK_RUN_TIMEOUT_MS });
        throw new Error(this.server.peek().error ?? 'no runtime is running your code.');
      });
    } finally {
      if (!current.signal.aborted) this.inspectorRefresh.value++;
    }
  }

  /** Runtime work runs one task at a time, in the order asked: a lesson's opening, then what was asked of it. */
  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task);
    const settled = (): void => undefined;
    this.#queue = run.then(settled, settled);
    return run;
  }

  /** The page's agent in `runtime`, made on first use; one in a runtime that was replaced is shut down. */
  #agentIn(runtime: Runtime): PageAgent {
    if (this.#agent?.runtime === runtime) return this.#agent;
    void this.#agent?.dispose(this.#shutdownGraceMs);
    const agent: PageAgent = new PageAgent(runtime, {
      runtimeFiles: this.#runtimeFiles,
      ...(this.#shutdownGraceMs !== undefined ? { shutdownGraceMs: this.#shutdownGraceMs } : {}),
      onEvent: (event) => {
        if (this.#agent === agent && this.#current && !this.#current.signal.aborted) this.#onAgentEvent(event);
      },
      onExit: (code) => {
        const current = this.#current;
        if (this.#agent !== agent || !current || current.signal.aborted || current.lesson.meta.kind === 'sql') return;
        this.server.value = { state: 'crashed', error: `The playground's agent stopped (exit code ${code}). Press Run to start it again.` };
      },
    });
    return (this.#agent = agent);
  }

  /** Opens the lesson in the session's runtime: a server lesson gets its files and its server, a `sql` lesson stops the previous one's. */
  async #open({ lesson, signal }: RunningLesson): Promise<void> {
    // A lesson left before its turn came is not mounted at all: the one after it will be.
    if (signal.aborted) return;
    const runtime = await this.#runtime();
    if (signal.aborted) return;
    if (!runtime) {
      this.server.value = { state: 'unavailable', error: runtimeChoice.peek()?.reason ?? 'No runtime could start.' };
      return;
    }
    // `sql` lessons run and are checked in the page's SQL worker: no server of theirs runs.
    if (lesson.meta.kind === 'sql') return this.#stopServer();
    try {
      const status = await this.#agentIn(runtime).open(lesson, this.#files());
      if (!signal.aborted) this.#setServer(status);
    } catch (error) {
      if (!signal.aborted) this.server.value = { state: 'crashed', error: `The lesson could not start: ${errorText(error)}` };
    }
  }

  /** Stops the learner's server, keeping the agent for the next server lesson. */
  async #stopServer(): Promise<void> {
    await this.#agent?.stopServer().catch(() => {
      // An agent that cannot stop its server has stopped itself; its exit is reported as a crash.
    });
  }

  /** Sends one agent command; the server status it replies updates the pill (unless the lesson is gone). */
  async #command(send: () => Promise<ServerStatus>, signal: AbortSignal): Promise<void> {
    try {
      const reply = await send();
      if (!signal.aborted) this.#setServer(reply);
    } catch (error) {
      if (!signal.aborted) this.server.value = { state: 'crashed', error: errorText(error) };
    }
  }

  #onAgentEvent(event: AgentEvent): void {
    if (event.type === 'log') this.output.append(event.text.replace(/\r?\n/g, '\r\n'));
    else if (event.type === 'server') this.#setServer(event.status);
    else if (event.type === 'request-log') {
      this.requestLog.value = appendRequestLog(this.requestLog.peek(), event);
      this.output.append(`\x1b[2m→ ${event.method} ${event.path} ${event.status} (${Math.round(event.durationMs)} ms)\x1b[0m\r\n`);
    }
  }

  #setServer(status: ServerStatus): void {
    this.server.value = { state: status.state, port: status.port, ...(status.error !== undefined ? { error: status.error } : {}) };
  }
}
