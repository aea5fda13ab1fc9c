/**
 * The workspace: one lesson's files, its runtime and agent, its server status and check
 * results. Panels render these signals and call these actions; nothing else talks to the
 * runtime. Data flows one way: lesson → files → runtime → agent events → signals → panels.
 */
import { batch, computed, signal } from '@preact/signals';
import { loadLesson } from 'virtual:lessons';
import type { AgentClient } from '../../agent/client.ts';
import type { AgentMessage, ServerStatus } from '../../agent/protocol.ts';
import type { HttpRequestSpec, HttpResponse } from '../../checks/define.ts';
import type { CheckResult } from '../../checks/result.ts';
import type { Lesson } from '../../lessons/types.ts';
import type { CursorPosition, LessonProgress } from '../../progress/lesson-progress.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { checkSqlLessonInPage } from '../../sql/check-sql-lesson.ts';
import { assessmentStore } from '../inspectors/assessment-store.ts';
import { appendRequestLog, type RequestLogEntry } from '../inspectors/request-log.ts';
import { OutputLog } from './output-log.ts';
import { emptyProgress, flushProgress, loadProgress, progressByLesson, updateLessonProgress } from './progress-store.ts';
import { runtimeChoice, sessionRuntime } from './runtime-session.ts';

/** What the status pill shows: the agent's server states plus "no runtime at all". */
export type ServerPillState = ServerStatus['state'] | 'unavailable';
export interface ServerPill {
  state: ServerPillState;
  error?: string;
}

/** After a learner stops typing this long, the files go to the runtime and the server restarts. */
const SYNC_DEBOUNCE_MS = 800;
/** Every check has its own timeout in the agent; this only keeps "Checking…" from sticking if the agent hangs. */
const CHECK_RUN_TIMEOUT_MS = 180_000;

type UndoSnapshot = { action: 'Solve' | 'Reset' | 'Import'; files: Record<string, string> };

export class WorkspaceStore {
  readonly lessonId = signal<string | undefined>(undefined);
  readonly lesson = signal<Lesson | undefined>(undefined);
  readonly loadError = signal<string | undefined>(undefined);
  readonly files = signal<Record<string, string>>({});
  readonly openFile = signal<string | undefined>(undefined);
  /** Where the cursor was when the lesson was last left; the editor restores it once. */
  readonly restoredCursor = signal<CursorPosition | undefined>(undefined);
  readonly server = signal<ServerPill>({ state: 'starting' });
  readonly checkResults = signal<Record<string, CheckResult>>({});
  readonly checking = signal(false);
  /** Why the last check run could not run at all (no runtime, agent gone…), shown in the checks panel. */
  readonly checkProblem = signal<string | undefined>(undefined);
  /** Polite screen-reader announcement (an aria-live region renders it). */
  readonly announcement = signal('');
  readonly undoSnapshot = signal<UndoSnapshot | undefined>(undefined);
  /** How many of the lesson's hints the learner has revealed (one at a time). */
  readonly hintsShown = signal(0);
  readonly output = new OutputLog();
  /** The learner's server traffic (the agent's `request-log` events), newest last. */
  readonly requestLog = signal<RequestLogEntry[]>([]);
  /** Bumped after every request and check run, so inspectors showing server state reload. */
  readonly inspectorRefresh = signal(0);
  /** `sql` lessons: bumped to Run the learner's query (Ctrl/Cmd+Enter in the editor). */
  readonly runToken = signal(0);
  /** A place in a file the editor should show (a stack-trace link); the editor clears it. */
  readonly reveal = signal<{ path: string; lineNumber: number; column: number } | undefined>(undefined);

  readonly progress = computed<LessonProgress | undefined>(() => {
    const id = this.lessonId.value;
    return id ? progressByLesson.value[id] : undefined;
  });
  readonly completed = computed(() => this.progress.value?.completed ?? false);
  readonly canChangeFiles = computed(() => this.lesson.value?.meta.allowFileChanges ?? false);

  /** Bumped on every lesson switch so work started for an old lesson stops touching state. */
  private generation = 0;
  private runtime: Runtime | undefined;
  private agent: AgentClient | undefined;
  private ready: Promise<void> = Promise.resolve();
  /** Learner paths currently written in the runtime, to delete them on a switch or rename. */
  private mountedPaths = new Set<string>();
  private dirty = new Set<string>();
  private deleted = new Set<string>();
  private syncTimer: ReturnType<typeof setTimeout> | undefined;
  /** Runtime work (writes, restarts, checks) runs one task at a time, in the order asked. */
  private queue: Promise<void> = Promise.resolve();

  async open(lessonId: string): Promise<void> {
    if (this.lessonId.peek() === lessonId && !this.loadError.peek()) return;
    const generation = ++this.generation;
    void flushProgress();
    this.stopAgent();
    batch(() => {
      this.lessonId.value = lessonId;
      this.lesson.value = undefined;
      this.loadError.value = undefined;
      this.files.value = {};
      this.openFile.value = undefined;
      this.checkResults.value = {};
      this.checking.value = false;
      this.checkProblem.value = undefined;
      this.requestLog.value = [];
      this.undoSnapshot.value = undefined;
      this.hintsShown.value = 0;
      this.server.value = { state: 'starting' };
    });
    this.output.clear();
    let lesson: Lesson;
    try {
      [lesson] = await Promise.all([loadLesson(lessonId), loadProgress()]);
    } catch (error) {
      if (generation === this.generation) this.loadError.value = errorText(error);
      return;
    }
    if (generation !== this.generation) return;
    const saved = progressByLesson.peek()[lessonId];
    if (lesson.meta.mode === 'assessment') void assessmentStore.open(lessonId);
    this.show(lesson, saved);
    this.ready = this.boot(generation);
  }

  /** After an import: show the open lesson's imported files (undoable) and put them in the runtime. */
  restoreFromProgress(): void {
    const lesson = this.lesson.peek();
    const saved = lesson ? progressByLesson.peek()[lesson.id] : undefined;
    if (!lesson || !saved) return;
    if (!sameFiles(saved.files, this.files.peek())) this.replaceWithUndo('Import', saved.files);
    batch(() => {
      this.openFile.value = pickOpenFile(lesson, this.files.peek(), saved.openFile);
      this.restoredCursor.value = saved.cursor;
    });
  }

  selectFile(path: string): void {
    if (!(path in this.files.peek())) return;
    this.openFile.value = path;
    this.restoredCursor.value = undefined;
    this.saveProgress({ openFile: path });
  }

  setCursor(cursor: CursorPosition): void {
    this.saveProgress({ cursor });
  }

  /** Opens a learner file at a line (from a stack trace or an SQL error). */
  openFileAt(path: string, lineNumber: number, column = 1): void {
    if (!(path in this.files.peek())) return;
    this.selectFile(path);
    this.reveal.value = { path, lineNumber, column };
  }

  /** Sends a request to the learner's server (HTTP client), after writing any pending edits. */
  async sendRequest(request: HttpRequestSpec): Promise<HttpResponse> {
    await this.sync('if-changed');
    const agent = this.agent;
    if (!agent) throw new Error(this.server.peek().error ?? 'No runtime is running your server.');
    try {
      return await agent.send({ type: 'request', request });
    } finally {
      this.inspectorRefresh.value++;
    }
  }

  /** A workspace file's bytes (the learner's SQLite database), or undefined when it does not exist yet. */
  async readDatabase(path: string): Promise<Uint8Array | undefined> {
    await this.ready;
    const agent = this.agent;
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

  /** `sql` lessons: Run the learner's query (the Database tab shows the result). */
  runQuery(): void {
    this.runToken.value++;
  }

  /** Assessments: runs the checks one last time (an attempt like any other), then makes the score final. */
  async submitAssessment(): Promise<void> {
    const lesson = this.lesson.peek();
    if (!lesson || lesson.meta.mode !== 'assessment') return;
    await this.check();
    if (this.lesson.peek() === lesson) await assessmentStore.submit(lesson.id);
  }

  /** An edit in the editor: saved to IndexedDB right away (debounced) and to the runtime shortly. */
  edit(path: string, text: string): void {
    if (this.files.peek()[path] === text) return;
    this.files.value = { ...this.files.peek(), [path]: text };
    this.dirty.add(path);
    this.saveProgress({ files: this.files.peek() });
    clearTimeout(this.syncTimer);
    this.syncTimer = setTimeout(() => void this.sync('if-changed'), SYNC_DEBOUNCE_MS);
  }

  /** Ctrl/Cmd+S: write now and restart the server. */
  save(): Promise<void> {
    return this.sync('always');
  }

  async restart(): Promise<void> {
    await this.ready;
    if (!this.agent) {
      this.ready = this.boot(this.generation);
      return this.ready;
    }
    await this.sync('always');
  }

  async check(): Promise<void> {
    const lesson = this.lesson.peek();
    if (!lesson || this.checking.peek()) return;
    batch(() => {
      this.checking.value = true;
      this.checkResults.value = {};
      this.checkProblem.value = undefined;
      this.announcement.value = 'Running checks…';
    });
    this.saveProgress({ attempts: (this.progress.peek()?.attempts ?? 0) + 1 });
    const generation = this.generation;
    const onResult = (result: CheckResult) => {
      if (generation === this.generation) this.checkResults.value = { ...this.checkResults.peek(), [result.id]: result };
    };
    try {
      // The agent restarts the server itself before checking, so the files only need writing.
      void this.sync('never');
      const summary = await this.enqueue(async () => {
        // `sql` lessons need no runtime: the page's SQL worker runs their checks.
        if (lesson.meta.kind === 'sql') return checkSqlLessonInPage(lesson, this.files.peek(), onResult);
        if (this.agent) return this.agent.check(onResult, { timeoutMs: CHECK_RUN_TIMEOUT_MS });
        throw new Error(this.server.peek().error ?? 'no runtime is running your code.');
      });
      if (generation !== this.generation) return;
      if (lesson.meta.mode === 'assessment') void assessmentStore.recordAttempt(lesson.id, summary.results);
      const total = summary.results.length;
      this.checkResults.value = Object.fromEntries(summary.results.map((result) => [result.id, result]));
      this.announcement.value = `${summary.passed} of ${total} checks passed${summary.passed === total ? ' — lesson complete!' : '.'}`;
      if (total > 0 && summary.passed === total) {
        this.saveProgress({ completed: true });
        void flushProgress(); // a milestone: written now, not after the debounce
      }
    } catch (error) {
      if (generation !== this.generation) return;
      this.checkProblem.value = `The checks could not run: ${errorText(error)}`;
      this.announcement.value = this.checkProblem.peek()!;
    } finally {
      if (generation === this.generation) {
        this.checking.value = false;
        this.inspectorRefresh.value++;
      }
    }
  }

  solve(): void {
    const lesson = this.lesson.peek();
    if (lesson) this.replaceWithUndo('Solve', lesson.solution);
  }

  reset(): void {
    const lesson = this.lesson.peek();
    if (lesson) this.replaceWithUndo('Reset', lesson.starter);
  }

  undo(): void {
    const snapshot = this.undoSnapshot.peek();
    if (!snapshot) return;
    this.undoSnapshot.value = undefined;
    this.replaceFiles(snapshot.files);
    this.announcement.value = `${snapshot.action} undone: your files are back.`;
  }

  revealHint(): void {
    const total = this.lesson.peek()?.meta.hints.length ?? 0;
    this.hintsShown.value = Math.min(total, this.hintsShown.peek() + 1);
  }

  createFile(path: string): string | undefined {
    const problem = this.checkNewPath(path);
    if (problem) return problem;
    this.edit(path, '');
    this.selectFile(path);
    return undefined;
  }

  renameFile(from: string, to: string): string | undefined {
    const problem = this.checkNewPath(to);
    if (problem) return problem;
    const { [from]: text = '', ...rest } = this.files.peek();
    this.replaceFiles({ ...rest, [to]: text });
    if (this.openFile.peek() === from) this.selectFile(to);
    return undefined;
  }

  deleteFile(path: string): void {
    if (!this.canChangeFiles.peek()) return;
    const { [path]: _deleted, ...rest } = this.files.peek();
    this.replaceFiles(rest);
  }

  private checkNewPath(path: string): string | undefined {
    if (!this.canChangeFiles.peek()) return 'This lesson does not let you add, rename or delete files.';
    if (!/^[\w.-]+(\/[\w.-]+)*$/.test(path) || path.split('/').some((part) => part === '..' || part === '.')) {
      return 'Use letters, digits, dots, dashes and slashes, like "routes/users.js".';
    }
    if (path.startsWith('.agent/') || path === 'package.json' || path.startsWith('node_modules/')) return `"${path}" belongs to the playground; pick another name.`;
    if (path in this.files.peek()) return `"${path}" already exists.`;
    return undefined;
  }

  private show(lesson: Lesson, saved: LessonProgress | undefined): void {
    const files = saved?.files ?? lesson.starter;
    batch(() => {
      this.lesson.value = lesson;
      this.files.value = files;
      this.openFile.value = pickOpenFile(lesson, files, saved?.openFile);
      this.restoredCursor.value = saved?.cursor;
    });
    this.dirty.clear();
    this.deleted.clear();
  }

  private replaceWithUndo(action: UndoSnapshot['action'], files: Record<string, string>): void {
    this.undoSnapshot.value = { action, files: this.files.peek() };
    this.replaceFiles(files);
    const done = { Solve: 'The solution is in your files.', Reset: 'Your files are back to the starter.', Import: 'The imported files are in place.' }[action];
    this.announcement.value = `${done} Undo brings your previous code back.`;
  }

  private replaceFiles(files: Record<string, string>): void {
    const before = this.files.peek();
    for (const path of Object.keys(before)) if (!(path in files)) this.deleted.add(path);
    for (const [path, text] of Object.entries(files)) if (before[path] !== text) this.dirty.add(path);
    batch(() => {
      this.files.value = files;
      const open = this.openFile.peek();
      if (!open || !(open in files)) {
        const lesson = this.lesson.peek();
        this.openFile.value = lesson ? pickOpenFile(lesson, files, undefined) : Object.keys(files)[0];
      }
    });
    this.saveProgress({ files });
    void this.sync('always');
  }

  private saveProgress(patch: Partial<LessonProgress>): void {
    const lessonId = this.lessonId.peek();
    if (!lessonId || !this.lesson.peek()) return;
    updateLessonProgress(lessonId, emptyProgress(this.files.peek()), patch);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      await this.ready;
      return task();
    });
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Writes changed files to the runtime, then restarts the learner's server when asked to. */
  private sync(restart: 'if-changed' | 'always' | 'never'): Promise<void> {
    clearTimeout(this.syncTimer);
    return this.enqueue(async () => {
      const runtime = this.runtime;
      const agent = this.agent;
      if (!runtime || !agent) return;
      const files = this.files.peek();
      const writes = [...this.dirty].filter((path) => path in files);
      const removals = [...this.deleted].filter((path) => !(path in files));
      this.dirty.clear();
      this.deleted.clear();
      try {
        await Promise.all(removals.map((path) => runtime.remove(path)));
        await Promise.all(writes.map((path) => runtime.writeFile(path, files[path]!)));
      } catch (error) {
        this.server.value = { state: 'crashed', error: `Your files could not be written to the runtime: ${errorText(error)}` };
        return;
      }
      for (const path of removals) this.mountedPaths.delete(path);
      for (const path of writes) this.mountedPaths.add(path);
      const changed = writes.length + removals.length > 0;
      if (restart === 'always' || (restart === 'if-changed' && changed)) await this.command(() => agent.send({ type: 'restart' }));
    });
  }

  /** Mounts the lesson into the session's runtime and starts the agent and the learner's server. */
  private async boot(generation: number): Promise<void> {
    const lesson = this.lesson.peek();
    if (!lesson) return;
    const runtime = await sessionRuntime();
    if (generation !== this.generation) return;
    if (!runtime) {
      this.server.value = { state: 'unavailable', error: runtimeChoice.peek()?.reason ?? 'No runtime could start.' };
      return;
    }
    // `sql` lessons run and are checked in the page's SQL worker: nothing to mount, no agent.
    if (lesson.meta.kind === 'sql') return;
    this.runtime = runtime;
    try {
      await Promise.all([...this.mountedPaths].map((path) => runtime.remove(path)));
      this.mountedPaths.clear();
      // The agent bundle is sizeable: it loads with the first lesson, not with the app.
      const [{ workspaceFiles }, { runtimeFiles }] = await Promise.all([import('../../lessons/workspace-files.ts'), import('virtual:agent')]);
      const files = this.files.peek();
      await runtime.mount(workspaceFiles(lesson, files, runtimeFiles));
      if (generation !== this.generation) return;
      for (const path of Object.keys(files)) this.mountedPaths.add(path);
      const { AgentClient } = await import('../../agent/client.ts');
      const process = await runtime.spawn('node', ['.agent/agent.mjs']);
      if (generation !== this.generation) {
        process.kill();
        return;
      }
      const agent = new AgentClient(process);
      this.agent = agent;
      agent.onEvent((message) => {
        if (generation === this.generation) this.onAgentEvent(message);
      });
      void process.exit.then((code) => {
        if (generation !== this.generation || this.agent !== agent) return;
        this.agent = undefined;
        this.server.value = { state: 'crashed', error: `The playground's agent stopped (exit code ${code}). Press Restart to start it again.` };
      });
      await this.command(() => agent.send({ type: 'start' }));
    } catch (error) {
      if (generation === this.generation) this.server.value = { state: 'crashed', error: `The lesson could not start: ${errorText(error)}` };
    }
  }

  /** Sends one agent command; a server status in the reply updates the pill. */
  private async command(send: () => Promise<unknown>): Promise<void> {
    try {
      const reply = await send();
      if (isServerStatus(reply)) this.setServer(reply);
    } catch (error) {
      this.server.value = { state: 'crashed', error: errorText(error) };
    }
  }

  private onAgentEvent(message: AgentMessage): void {
    if (message.type === 'log') this.output.append(message.text.replace(/\r?\n/g, '\r\n'));
    else if (message.type === 'server') this.setServer(message.status);
    else if (message.type === 'request-log') {
      this.requestLog.value = appendRequestLog(this.requestLog.peek(), message);
      this.output.append(`\x1b[2m→ ${message.method} ${message.path} ${message.status} (${Math.round(message.durationMs)} ms)\x1b[0m\r\n`);
    }
  }

  private setServer(status: ServerStatus): void {
    this.server.value = { state: status.state, error: status.error };
  }

  private stopAgent(): void {
    clearTimeout(this.syncTimer);
    this.agent?.close();
    this.agent = undefined;
    this.dirty.clear();
    this.deleted.clear();
  }
}

function pickOpenFile(lesson: Lesson, files: Record<string, string>, saved: string | undefined): string | undefined {
  if (saved && saved in files) return saved;
  if (lesson.meta.focus in files) return lesson.meta.focus;
  return Object.keys(files).sort()[0];
}

function sameFiles(a: Record<string, string>, b: Record<string, string>): boolean {
  const paths = Object.keys(a);
  return paths.length === Object.keys(b).length && paths.every((path) => a[path] === b[path]);
}

function isServerStatus(value: unknown): value is ServerStatus {
  return typeof value === 'object' && value !== null && 'state' in value && 'port' in value;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const workspace = new WorkspaceStore();
