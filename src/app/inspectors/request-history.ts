/**
 * The HTTP client's history, per lesson, in IndexedDB (its own database, so clearing it never
 * touches progress). Stored as request specs: re-sending, "copy as curl" and loading into the
 * form all start from the spec.
 */
import { createStore, get, set } from 'idb-keyval';
import type { HttpRequestSpec } from '../../checks/define.ts';

export interface HistoryEntry {
  /** ISO time the request was sent; unique enough to key the list. */
  at: string;
  request: HttpRequestSpec;
  status?: number;
  durationMs?: number;
  /** Why no response came back (e.g. the server is not running). */
  error?: string;
}

export interface HistoryStorage {
  read(lessonId: string): Promise<HistoryEntry[]>;
  write(lessonId: string, entries: HistoryEntry[]): Promise<void>;
}

export const MAX_HISTORY = 30;

/** Newest first, capped; re-sending the same request moves it to the top instead of repeating it. */
export function addToHistory(history: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const same = JSON.stringify(entry.request);
  return [entry, ...history.filter((old) => JSON.stringify(old.request) !== same)].slice(0, MAX_HISTORY);
}

/** Keeps only well-formed entries: the database may hold anything an older version wrote. */
export function parseHistory(value: unknown): HistoryEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter((entry): entry is HistoryEntry => {
    const candidate = entry as Partial<HistoryEntry> | null;
    return typeof candidate?.at === 'string' && typeof candidate.request === 'object' && candidate.request !== null && typeof candidate.request.path === 'string';
  });
}

let store: ReturnType<typeof createStore> | undefined;

export const indexedDbHistory: HistoryStorage = {
  async read(lessonId) {
    store ??= createStore('backend-playground-http', 'history');
    return parseHistory(await get(lessonId, store));
  },
  async write(lessonId, entries) {
    store ??= createStore('backend-playground-http', 'history');
    await set(lessonId, entries, store);
  },
};
