/**
 * The last edits, kept synchronously in localStorage when the page goes away (reload, tab
 * closed) because the IndexedDB write started at that moment may never finish. The next load
 * takes the backup and keeps each record that is newer than IndexedDB's.
 */
import type { LessonProgress } from './lesson-progress.ts';

const KEY = 'backend-playground:unsaved-progress';

export function backUpPending(pending: [string, LessonProgress][], storage: Storage = localStorage): void {
  try {
    storage.setItem(KEY, JSON.stringify(Object.fromEntries(pending)));
  } catch {
    // Storage full or disabled: IndexedDB's write may still land; nothing better to do here.
  }
}

/** Removes and returns the backup; a missing or unreadable one is empty. */
export function takeBackup(storage: Storage = localStorage): Record<string, LessonProgress> {
  try {
    const text = storage.getItem(KEY);
    storage.removeItem(KEY);
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed as Record<string, Partial<LessonProgress>>).filter(
        (entry): entry is [string, LessonProgress] => typeof entry[1]?.files === 'object' && typeof entry[1]?.updatedAt === 'string',
      ),
    );
  } catch {
    return {};
  }
}

/** The records from `backup` that are newer than (or missing from) `saved`. */
export function newerThanSaved(saved: Record<string, LessonProgress>, backup: Record<string, LessonProgress>): Record<string, LessonProgress> {
  return Object.fromEntries(Object.entries(backup).filter(([id, record]) => !saved[id] || saved[id].updatedAt < record.updatedAt));
}
