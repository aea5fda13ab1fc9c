/**
 * The learner's progress in IndexedDB (idb-keyval), one record per lesson id.
 * A dedicated database so clearing it never touches anything else on the origin.
 */
import { createStore, entries, set, setMany } from 'idb-keyval';
import type { LessonProgress } from './lesson-progress.ts';

const store = createStore('backend-playground', 'lesson-progress');

export function writeLessonProgress(lessonId: string, progress: LessonProgress): Promise<void> {
  return set(lessonId, progress, store);
}

export async function readAllProgress(): Promise<Record<string, LessonProgress>> {
  const all = await entries<string, LessonProgress>(store);
  return Object.fromEntries(all);
}

/**
 * Writes imported records over the lessons they name; lessons the import does not mention keep
 * their progress, so importing never loses work done on this machine for other lessons.
 */
export function mergeProgress(progress: Record<string, LessonProgress>): Promise<void> {
  return setMany(Object.entries(progress), store);
}
