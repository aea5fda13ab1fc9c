/**
 * The learner's files for the open lesson: their text, which one is open, where the editor's
 * cursor goes back to, a place to reveal, and the one-step Undo of Solve, Reset and Import.
 * It only edits; its hooks tell the workspace what a change means for progress and the runtime.
 */
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Lesson } from '../../lessons/types.ts';
import type { CursorPosition, LessonProgress } from '../../progress/lesson-progress.ts';
import { newFilePathProblem } from './new-file-path.ts';

/** path → text, the learner's files. */
export type FileSet = Record<string, string>;
export type UndoAction = 'Solve' | 'Reset' | 'Import';
export interface UndoSnapshot {
  action: UndoAction;
  files: FileSet;
}

export interface LessonFilesHooks {
  readonly lesson: ReadonlySignal<Lesson | undefined>;
  /** After every change to the files: `typed` for an edit in the editor, `replaced` for the rest (Solve, a rename…). */
  changed(how: 'typed' | 'replaced'): void;
  /** Where the learner is (open file, cursor), for the next visit. */
  saveProgress(patch: Partial<LessonProgress>): void;
  announce(text: string): void;
}

const REPLACED: Record<UndoAction, string> = {
  Solve: 'The solution is in your files.',
  Reset: 'Your files are back to the starter.',
  Import: 'The imported files are in place.',
};

export class LessonFilesStore {
  readonly contents = signal<FileSet>({});
  readonly openFile = signal<string | undefined>(undefined);
  /** Where the cursor was when the lesson was last left; the editor restores it once. */
  readonly restoredCursor = signal<CursorPosition | undefined>(undefined);
  /** A place in a file the editor should show (a stack-trace link); the editor clears it. */
  readonly reveal = signal<{ path: string; lineNumber: number; column: number } | undefined>(undefined);
  readonly undoSnapshot = signal<UndoSnapshot | undefined>(undefined);
  readonly canChangeFiles: ReadonlySignal<boolean>;
  readonly #hooks: LessonFilesHooks;

  constructor(hooks: LessonFilesHooks) {
    this.#hooks = hooks;
    this.canChangeFiles = computed(() => hooks.lesson.value?.meta.allowFileChanges ?? false);
  }

  /** Shows a lesson's files (the learner's saved ones, else the starter); no lesson shows none. */
  show(lesson: Lesson | undefined, saved: LessonProgress | undefined): void {
    const files = lesson ? (saved?.files ?? lesson.starter) : {};
    batch(() => {
      this.contents.value = files;
      this.openFile.value = lesson && pickOpenFile(lesson, files, saved?.openFile);
      this.restoredCursor.value = saved?.cursor;
      this.undoSnapshot.value = undefined;
    });
  }

  /** After an import: the imported files replace these (undoable), and the editor goes where they were left. */
  restore(saved: LessonProgress): void {
    const lesson = this.#hooks.lesson.peek();
    if (!lesson) return;
    if (!sameFiles(saved.files, this.contents.peek())) this.replaceWithUndo('Import', saved.files);
    batch(() => {
      this.openFile.value = pickOpenFile(lesson, this.contents.peek(), saved.openFile);
      this.restoredCursor.value = saved.cursor;
    });
  }

  select(path: string): void {
    if (!(path in this.contents.peek())) return;
    this.openFile.value = path;
    this.restoredCursor.value = undefined;
    this.#hooks.saveProgress({ openFile: path });
  }

  setCursor(cursor: CursorPosition): void {
    this.#hooks.saveProgress({ cursor });
  }

  /** Opens a learner file at a line (from a stack trace or an SQL error). */
  openAt(path: string, lineNumber: number, column = 1): void {
    if (!(path in this.contents.peek())) return;
    this.select(path);
    this.reveal.value = { path, lineNumber, column };
  }

  /** An edit in the editor. */
  edit(path: string, text: string): void {
    if (this.contents.peek()[path] === text) return;
    this.contents.value = { ...this.contents.peek(), [path]: text };
    this.#hooks.changed('typed');
  }

  /** Returns why the file cannot be created, or undefined once it is. */
  create(path: string): string | undefined {
    const problem = newFilePathProblem(path, this.contents.peek(), this.canChangeFiles.peek());
    if (problem) return problem;
    this.edit(path, '');
    this.select(path);
    return undefined;
  }

  /** Returns why the file cannot be renamed, or undefined once it is. */
  rename(from: string, to: string): string | undefined {
    const problem = newFilePathProblem(to, this.contents.peek(), this.canChangeFiles.peek());
    if (problem) return problem;
    const { [from]: text = '', ...rest } = this.contents.peek();
    this.#replace({ ...rest, [to]: text });
    if (this.openFile.peek() === from) this.select(to);
    return undefined;
  }

  delete(path: string): void {
    if (!this.canChangeFiles.peek()) return;
    const { [path]: _deleted, ...rest } = this.contents.peek();
    this.#replace(rest);
  }

  /** Solve, Reset and Import: the whole set changes, and Undo can bring the previous one back. */
  replaceWithUndo(action: UndoAction, files: FileSet): void {
    this.undoSnapshot.value = { action, files: this.contents.peek() };
    this.#replace(files);
    this.#hooks.announce(`${REPLACED[action]} Undo brings your previous code back.`);
  }

  undo(): void {
    const snapshot = this.undoSnapshot.peek();
    if (!snapshot) return;
    this.undoSnapshot.value = undefined;
    this.#replace(snapshot.files);
    this.#hooks.announce(`${snapshot.action} undone: your files are back.`);
  }

  #replace(files: FileSet): void {
    batch(() => {
      this.contents.value = files;
      const open = this.openFile.peek();
      if (!open || !(open in files)) {
        const lesson = this.#hooks.lesson.peek();
        this.openFile.value = lesson ? pickOpenFile(lesson, files, undefined) : Object.keys(files)[0];
      }
    });
    this.#hooks.changed('replaced');
  }
}

function pickOpenFile(lesson: Lesson, files: FileSet, saved: string | undefined): string | undefined {
  if (saved && saved in files) return saved;
  if (lesson.meta.focus in files) return lesson.meta.focus;
  return Object.keys(files).sort()[0];
}

function sameFiles(a: FileSet, b: FileSet): boolean {
  const paths = Object.keys(a);
  return paths.length === Object.keys(b).length && paths.every((path) => a[path] === b[path]);
}
