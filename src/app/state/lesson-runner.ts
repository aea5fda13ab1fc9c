/**
 * The open lesson's runner: puts the learner's files into the page's runtime, starts the agent
 * and the learner's server, and is the only way to them — restarts, HTTP requests, database
 * reads, check runs — one task at a time, in the order asked. It owns the diff between the
 * editor's files and the runtime's (what to write, what to delete), the server's status, its
 * output and its request log. A lesson's work stops touching state once its AbortSignal fires.
 */
import { batch, signal } from '@preact/signals';
import type { AgentClient } from '../../agent/client.ts';
import type { AgentMessage, ServerStatus } from '../../agent/protocol.ts';
import type { HttpRequestSpec, HttpResponse } from '../../checks/define.ts';
import type { CheckResult, CheckRunSummary } from '../../checks/result.ts';
import type { Lesson } from '../../lessons/types.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { errorText } from '../../shared/error-text.ts';
import { checkSqlLessonInPage } from '../../sql/check-sql-lesson.ts';
import type { FileSet } from './lesson-files-store.ts';
import { MountedFiles } from './mounted-files.ts';
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

export class LessonRunner {
  readonly server = signal<ServerPill>({ state: 'starting' });
  readonly output = new ServerOutputStore();
  /** The learner's server traffic (the agent's `request-log` events), newest last. */
  readonly requestLog = signal<RequestLogEntry[]>([]);
  /** Bumped after every request and check run, so inspectors showing server state reload. */
  readonly inspectorRefresh = signal(0);

  readonly #files: () => FileSet;
  #current: RunningLesson | undefined;
  #runtime: Runtime | undefined;
  #agent: AgentClient | undefined;
  #ready: Promise<void> = Promise.resolve();
  readonly #mounted = new MountedFiles();
  #syncTimer: ReturnType<typeof setTimeout> | undefined;
  #queue: Promise<void> = Promise.resolve();

  /** `files` reads the learner's files as they are now. */
  constructor(files: () => FileSet) {
    this.#files = files;
  }

  /** Stops the previous lesson's agent and clears what it showed; the next lesson's `start` follows. */
  stop(): void {
    clearTimeout(this.#syncTimer);
    this.#agent?.close();
    this.#agent = undefined;
    this.#current = undefined;
    batch(() => {
      this.server.value = { state: 'starting' };
      this.requestLog.value = [];
    });
    this.output.clear();
  }

  /** Mounts the lesson's files and starts its agent and server; `signal` ends the lesson's work. */
  start(lesson: Lesson, signal: AbortSignal): void {
    this.#current = { lesson, signal };
    this.#ready = this.#boot(this.#current);
  }

  /** The Run/Restart button: starts the agent again if it stopped, else writes the files and restarts the server. */
  async restart(): Promise<void> {
    await this.#ready;
    const current = this.#current;
    if (!current || current.signal.aborted) return;
    if (!this.#agent) {
      this.#ready = this.#boot(current);
      return this.#ready;
    }
    await this.sync('always');
  }

  /** After "Try WebContainers again" swapped the session's runtime: starts the open lesson again in the new one. */
  rebootInNewRuntime(): void {
    const current = this.#current;
    if (!current || current.signal.aborted) return;
    clearTimeout(this.#syncTimer);
    this.#agent?.close();
    this.#agent = undefined;
    this.#runtime = undefined;
    this.server.value = { state: 'starting' };
    this.output.clear();
    this.#ready = this.#boot(current);
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
      const runtime = this.#runtime;
      const agent = this.#agent;
      if (!runtime || !agent || !current || current.signal.aborted) return;
      let changed: boolean;
      try {
        changed = await this.#mounted.sync(runtime, this.#files());
      } catch (error) {
        this.server.value = { state: 'crashed', error: `Your files could not be written to the runtime: ${errorText(error)}` };
        return;
      }
      if (restart === 'always' || (restart === 'if-changed' && changed)) await this.#command(() => agent.send({ type: 'restart' }), current.signal);
    });
  }

  /** Sends a request to the learner's server (HTTP client), after writing any pending edits. */
  async sendRequest(request: HttpRequestSpec): Promise<HttpResponse> {
    await this.sync('if-changed');
    const agent = this.#agent;
    if (!agent) throw new Error(this.server.peek().error ?? 'No runtime is running your server.');
    try {
      return await agent.send({ type: 'request', request });
    } finally {
      this.inspectorRefresh.value++;
    }
  }

  /** A workspace file's bytes (the learner's SQLite database), or undefined when it does not exist yet. */
  async readDatabase(path: string): Promise<Uint8Array | undefined> {
    await this.#ready;
    const agent = this.#agent;
    if (!agent) throw new Error(this.server.peek().error ?? 'No runtime is running your code.');
    let base64: string | undefined;
    try {
      ({ base64 } = await agent.send({ type: 'db', path }));
    } catch (error) {
      if (/does not exist/.test(errorText(error))) return undefined;
      throw error;
    }
    return base64 === undefined ? undefined : Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  }

  clearRequestLog(): void {
    this.requestLog.value = [];
  }

  /** Runs the open lesson's checks on the files as they are now, calling `onResult` as each finishes. */
  async check(onResult: (result: CheckResult) => void): Promise<CheckRunSummary> {
    const current = this.#current;
    if (!current) throw new Error('no lesson is open.');
    // The agent restarts the server itself before checking, so the files only need writing.
    void this.sync('never');
    try {
      return await this.#enqueue(async () => {
        // `sql` lessons need no runtime: the page's SQL worker runs their checks.
        if (current.lesson.meta.kind === 'sql') return checkSqlLessonInPage(current.lesson, this.#files(), onResult);
        if (this.#agent) return this.#agent.check(onResult, { timeoutMs: CHECK_RUN_TIMEOUT_MS });
        throw new Error(this.server.peek().error ?? 'no runtime is running your code.');
      });
    } finally {
      if (!current.signal.aborted) this.inspectorRefresh.value++;
    }
  }

  /** Runtime work runs one task at a time, in the order asked, once the lesson has booted. */
  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(async () => {
      await this.#ready;
      return task();
    });
    this.#queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Mounts the lesson into the session's runtime and starts the agent and the learner's server. */
  async #boot({ lesson, signal }: RunningLesson): Promise<void> {
    const runtime = await sessionRuntime();
    if (signal.aborted) return;
    if (!runtime) {
      this.server.value = { state: 'unavailable', error: runtimeChoice.peek()?.reason ?? 'No runtime could start.' };
      return;
    }
    // `sql` lessons run and are checked in the page's SQL worker: nothing to mount, no agent.
    if (lesson.meta.kind === 'sql') return;
    this.#runtime = runtime;
    try {
      // The previous lesson's files go; the agent and dependencies stay mounted for the next.
      await this.#mounted.removeAll(runtime);
      // The agent bundle is sizeable: it loads with the first lesson, not with the app.
      const [{ workspaceFiles }, { runtimeFiles }] = await Promise.all([import('../../agent/workspace-files.ts'), import('virtual:agent')]);
      const files = this.#files();
      await runtime.mount(workspaceFiles(lesson, files, runtimeFiles));
      this.#mounted.mounted(files);
      if (signal.aborted) return;
      const { AgentClient } = await import('../../agent/client.ts');
      const process = await runtime.spawn('node', ['.agent/agent.mjs']);
      if (signal.aborted) {
        process.kill();
        return;
      }
      const agent = new AgentClient(process);
      this.#agent = agent;
      agent.onEvent((message) => {
        if (!signal.aborted) this.#onAgentEvent(message);
      });
      void process.exit.then((code) => {
        if (signal.aborted || this.#agent !== agent) return;
        this.#agent = undefined;
        this.server.value = { state: 'crashed', error: `The playground's agent stopped (exit code ${code}). Press Run to start it again.` };
      });
      await this.#command(() => agent.send({ type: 'start' }), signal);
    } catch (error) {
      if (!signal.aborted) this.server.value = { state: 'crashed', error: `The lesson could not start: ${errorText(error)}` };
    }
  }

  /** Sends one agent command; a server status in the reply updates the pill (unless the lesson is gone). */
  async #command(send: () => Promise<unknown>, signal: AbortSignal): Promise<void> {
    try {
      const reply = await send();
      if (!signal.aborted && isServerStatus(reply)) this.#setServer(reply);
    } catch (error) {
      if (!signal.aborted) this.server.value = { state: 'crashed', error: errorText(error) };
    }
  }

  #onAgentEvent(message: AgentMessage): void {
    if (message.type === 'log') this.output.append(message.text.replace(/\r?\n/g, '\r\n'));
    else if (message.type === 'server') this.#setServer(message.status);
    else if (message.type === 'request-log') {
      this.requestLog.value = appendRequestLog(this.requestLog.peek(), message);
      this.output.append(`\x1b[2m→ ${message.method} ${message.path} ${message.status} (${Math.round(message.durationMs)} ms)\x1b[0m\r\n`);
    }
  }

  #setServer(status: ServerStatus): void {
    this.server.value = { state: status.state, port: status.port, ...(status.error !== undefined ? { error: status.error } : {}) };
  }
}

function isServerStatus(value: unknown): value is ServerStatus {
  return typeof value === 'object' && value !== null && 'state' in value && 'port' in value;
}
