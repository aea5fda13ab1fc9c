/**
 * Progress for every lesson as signals, backed by IndexedDB. The navigation reads completion
 * from here; the workspace store writes files, cursor, completion and attempts through
 * `updateLessonProgress`, which autosaves (debounced, flushed when the page is hidden).
 */
import { computed, signal } from '@preact/signals';
import { Autosaver } from '../../progress/autosave.ts';
import type { LessonProgress } from '../../progress/lesson-progress.ts';
import { mergeProgress, readAllProgress, writeLessonProgress } from '../../progress/progress-db.ts';
import { backUpPending, newerThanSaved, takeBackup } from '../../progress/unload-backup.ts';
import { downloadText } from '../download.ts';
import { errorText } from '../../shared/error-text.ts';

export const progressByLesson = signal<Record<string, LessonProgress>>({});
/** Set when IndexedDB refuses to save (private mode, quota): the learner must know. */
export const progressSaveError = signal<string | undefined>(undefined);

export const completedLessons = computed(
  () => new Set(Object.entries(progressByLesson.value).filter(([, progress]) => progress.completed).map(([id]) => id)),
);

const autosaver = new Autosaver<LessonProgress>(writeLessonProgress, 400, (error) => {
  progressSaveError.value = `Your work could not be saved in this browser: ${errorText(error)}. Use "Export progress" to keep a copy.`;
});
autosaver.watchPage(window, backUpPending);

let loading: Promise<void> | undefined;

/** Loads every lesson's progress once; later calls wait for the same load. */
export function loadProgress(): Promise<void> {
  loading ??= readAllProgress()
    .then(async (all) => {
      const rescued = newerThanSaved(all, takeBackup());
      if (Object.keys(rescued).length > 0) await mergeProgress(rescued);
      progressByLesson.value = { ...all, ...rescued, ...progressByLesson.value };
    })
    .catch((error: unknown) => {
      progressSaveError.value = `Saved work could not be read from this browser: ${errorText(error)}.`;
    });
  return loading;
}

export function emptyProgress(files: Record<string, string>): LessonProgress {
  return { files, completed: false, attempts: 0, updatedAt: new Date().toISOString() };
}

export function updateLessonProgress(lessonId: string, base: LessonProgress, patch: Partial<LessonProgress>): void {
  const next: LessonProgress = { ...base, ...progressByLesson.value[lessonId], ...patch, updatedAt: new Date().toISOString() };
  progressByLesson.value = { ...progressByLesson.value, [lessonId]: next };
  autosaver.schedule(lessonId, next);
}

export function flushProgress(): Promise<void> {
  return autosaver.flush();
}

/** Downloads every lesson's progress and files as one JSON file. */
export async function exportProgress(): Promise<void> {
  await flushProgress();
  const { buildProgressFile, progressFileName } = await import('../../progress/progress-file.ts');
  const file = buildProgressFile(progressByLesson.value);
  downloadText(progressFileName(), JSON.stringify(file, null, 2), 'application/json');
}

/**
 * Loads an exported file: its lessons' progress replaces this browser's for those lessons.
 * A file that fails validation changes nothing. Returns the message to show.
 */
export async function importProgress(file: File): Promise<{ ok: boolean; message: string }> {
  const { parseProgressFile } = await import('../../progress/progress-file.ts');
  const parsed = parseProgressFile(await file.text());
  if (!parsed.ok) return { ok: false, message: `Import refused: ${parsed.message}` };
  await flushProgress();
  await mergeProgress(parsed.file.lessons);
  progressByLesson.value = { ...progressByLesson.value, ...parsed.file.lessons };
  const count = Object.keys(parsed.file.lessons).length;
  return { ok: true, message: `Imported progress for ${count} ${count === 1 ? 'lesson' : 'lessons'}.` };
}
