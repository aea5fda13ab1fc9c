import { describe, expect, it } from 'vitest';
import type { LessonProgress } from './lesson-progress.ts';
import { backUpPending, newerThanSaved, takeBackup } from './unload-backup.ts';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

const record = (updatedAt: string): LessonProgress => ({ files: { 'server.js': updatedAt }, completed: false, attempts: 0, updatedAt });

describe('unload backup', () => {
  it('gives back what was backed up, once', () => {
    const storage = memoryStorage();
    backUpPending([['apis/first-route', record('2026-01-02T00:00:00.000Z')]], storage);
    expect(takeBackup(storage)).toEqual({ 'apis/first-route': record('2026-01-02T00:00:00.000Z') });
    expect(takeBackup(storage)).toEqual({});
  });

  it('ignores a damaged backup', () => {
    const storage = memoryStorage();
    storage.setItem('backend-playground:unsaved-progress', '{not json');
    expect(takeBackup(storage)).toEqual({});
  });

  it('keeps only records newer than the saved ones', () => {
    const saved = { a: record('2026-01-02T00:00:00.000Z'), b: record('2026-01-02T00:00:00.000Z') };
    const backup = { a: record('2026-01-01T00:00:00.000Z'), b: record('2026-01-03T00:00:00.000Z'), c: record('2026-01-01T00:00:00.000Z') };
    expect(Object.keys(newerThanSaved(saved, backup))).toEqual(['b', 'c']);
  });
});
