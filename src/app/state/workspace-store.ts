/**
 * The workspace: the one store panels talk to, a facade over small stores with one job each —
 * the learner's files (`files`), the runtime and agent that run them (`runner`), the check runs
 * (`checks`) and the hints (`hints`). It owns only what spans them: opening a lesson, saving
 * progress, and what a change to the files means for the runtime. Data flows one way:
 * lesson → files → runtime → agent events → signals → panels. Each open lesson gets an
 * AbortController; opening another aborts it, so the old lesson's late work touches nothing.
 */
import { batch, computed, signal } from '@preact/signals';
import { loadLesson } from 'virtual:lessons';
import type { Lesson } from '../../lessons/types.ts';
import type { LessonProgress } from '../../progress/lesson-progress.ts';
import { errorText } from '../../shared/error-text.ts';
import { PanelLoadGates } from './after-server-start.ts';
import { assessmentStore } from './assessment-store.ts';
import { CheckRunStore } from './check-run-store.ts';
import { HintsStore } from './hints-store.ts';
import { LessonFilesStore } from './lesson-files-store.ts';
import { LessonRunner } from './lesson-runner.ts';
import { onRuntimeReplaced } from './runtime-session.ts';
import { emptyProgress, flushProgress, loadProgress, progressByLesson, updateLessonProgress } from './progress-store.ts';

export class WorkspaceStore {
  readonly lessonId = signal<string | undefined>(undefined);
  readonly lesson = signal<Lesson | undefined>(undefined);
  readonly loadError = signal<string | undefined>(undefined);
  /** Polite screen-reader announcement (an aria-live region renders it). */
  readonly announcement = signal('');
  /** `sql` lessons: bumped to Run the learner's query (Ctrl/Cmd+Enter in the editor). */
  readonly runToken = signal(0);
  readonly progress = computed<LessonProgress | undefined>(() => {
    const id = this.lessonId.value;
    return id ? progressByLesson.value[id] : undefined;
  });
  readonly completed = computed(() => this.progress.value?.completed ?? false);

  readonly files = new LessonFilesStore({
    lesson: this.lesson,
    changed: (how) => {
      this.#saveProgress({ files: this.files.contents.peek() });
      // Typing restarts the server once the learner pauses; Solve, Reset, a rename… at once.
      if (how === 'typed') this.runner.syncSoon();
      else void this.runner.sync('always');
    },
    saveProgress: (patch) => this.#saveProgress(patch),
    announce: (text) => (this.announcement.value = text),
  });
  readonly runner = new LessonRunner(() => this.files.contents.peek());
  readonly checks = new CheckRunStore((text) => (this.announcement.value = text));
  readonly hints = new HintsStore();

  /** When a heavy panel (Monaco, xterm, the inspectors) may load without slowing the server's start. */
  readonly panelLoading = new PanelLoadGates({ lesson: this.lesson, server: this.runner.server });

  /** The open lesson's work: aborted when another lesson opens. */
  #lessonWork = new AbortController();

  constructor() {
    onRuntimeReplaced(() => this.runner.rebootInNewRuntime());
  }

  async open(lessonId: string): Promise<void> {
    if (this.lessonId.peek() === lessonId && !this.loadError.peek()) return;
    this.#lessonWork.abort();
    const { signal: work } = (this.#lessonWork = new AbortController());
    void flushProgress();
    this.runner.stop();
    batch(() => {
      this.lessonId.value = lessonId;
      this.lesson.value = undefined;
      this.loadError.value = undefined;
      this.files.show(undefined, undefined);
      this.checks.clear();
      this.hints.hideAll();
    });
    let lesson: Lesson;
    try {
      [lesson] = await Promise.all([loadLesson(lessonId), loadProgress()]);
    } catch (error) {
      if (!work.aborted) this.loadError.value = errorText(error);
      return;
    }
    if (work.aborted) return;
    if (lesson.meta.mode === 'assessment') void assessmentStore.open(lessonId);
    batch(() => {
      this.lesson.value = lesson;
      this.files.show(lesson, progressByLesson.peek()[lessonId]);
    });
    this.runner.start(lesson, work);
  }

  /** The learner left the workspace (home or a track page): the lesson's work ends and its server stops; the agent stays. */
  leave(): void {
    if (this.lessonId.peek() === undefined) return;
    this.#lessonWork.abort();
    void flushProgress();
    batch(() => {
      this.lessonId.value = undefined;
      this.lesson.value = undefined;
      this.loadError.value = undefined;
      this.files.show(undefined, undefined);
    });
    void this.runner.leave();
  }

  /** After an import: show the open lesson's imported files (undoable) and put them in the runtime. */
  restoreFromProgress(): void {
    const lesson = this.lesson.peek();
    const saved = lesson ? progressByLesson.peek()[lesson.id] : undefined;
    if (saved) this.files.restore(saved);
  }

  async check(): Promise<void> {
    const lesson = this.lesson.peek();
    if (!lesson || this.checks.running.peek()) return;
    this.#saveProgress({ attempts: (this.progress.peek()?.attempts ?? 0) + 1 });
    const passedAll = await this.checks.run(lesson, (onResult) => this.runner.check(onResult), this.#lessonWork.signal);
    if (!passedAll) return;
    this.#saveProgress({ completed: true });
    void flushProgress(); // a milestone: written now, not after the debounce
  }

  /** Assessments: runs the checks one last time (an attempt like any other), then makes the score final. */
  async submitAssessment(): Promise<void> {
    const lesson = this.lesson.peek();
    if (!lesson || lesson.meta.mode !== 'assessment') return;
    await this.check();
    if (this.lesson.peek() === lesson) await assessmentStore.submit(lesson.id);
  }

  /** Ctrl/Cmd+S: write now and restart the server. */
  save(): Promise<void> {
    return this.runner.sync('always');
  }

  solve(): void {
    const lesson = this.lesson.peek();
    if (lesson) this.files.replaceWithUndo('Solve', lesson.solution);
  }

  reset(): void {
    const lesson = this.lesson.peek();
    if (lesson) this.files.replaceWithUndo('Reset', lesson.starter);
  }

  /** `sql` lessons: Run the learner's query (the Database tab shows the result). */
  runQuery(): void {
    this.runToken.value++;
  }

  #saveProgress(patch: Partial<LessonProgress>): void {
    const lessonId = this.lessonId.peek();
    if (!lessonId || !this.lesson.peek()) return;
    updateLessonProgress(lessonId, emptyProgress(this.files.contents.peek()), patch);
  }
}

export const workspace = new WorkspaceStore();
