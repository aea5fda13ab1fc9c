import { describe, expect, it } from 'vitest';
import type { HttpRequestSpec, HttpResponse } from '../../checks/define.ts';
import { HttpClientStore } from './http-client-store.ts';
import { addToHistory, MAX_HISTORY, parseHistory, type HistoryEntry, type HistoryStorage } from './request-history.ts';

function memoryStorage(initial: Record<string, unknown> = {}): HistoryStorage & { saved: Record<string, HistoryEntry[]> } {
  const saved: Record<string, HistoryEntry[]> = {};
  return {
    saved,
    read: async (lessonId) => parseHistory(saved[lessonId] ?? initial[lessonId]),
    write: async (lessonId, entries) => {
      saved[lessonId] = entries;
    },
  };
}

const ok = (status: number, json: unknown): HttpResponse => ({ status, headers: { 'content-type': 'application/json' }, text: JSON.stringify(json), json, durationMs: 4 });

describe('HttpClientStore', () => {
  it('pre-fills the form from the lesson’s first example', () => {
    const store = new HttpClientStore('apis/x', [{ method: 'POST', path: '/users', body: '{"name":"Ada"}' }], memoryStorage());
    expect(store.draft.value).toMatchObject({ method: 'POST', path: '/users', bodyMode: 'json' });
  });

  it('sends through the given function, shows the response and saves the history for the lesson', async () => {
    const storage = memoryStorage();
    const store = new HttpClientStore('apis/x', [{ method: 'POST', path: '/users', body: '{"name":"Ada"}' }], storage);
    const sent: HttpRequestSpec[] = [];
    await store.send(async (request) => {
      sent.push(request);
      return ok(201, { id: 1, name: 'Ada' });
    });
    expect(sent).toEqual([{ method: 'POST', path: '/users', json: { name: 'Ada' } }]);
    expect(store.response.value?.response.status).toBe(201);
    expect(store.error.value).toBeUndefined();
    expect(storage.saved['apis/x']).toMatchObject([{ request: { path: '/users' }, status: 201, durationMs: 4 }]);
  });

  it('keeps the session cookie a login set and sends it, and puts the login’s token in Authorization on request', async () => {
    const store = new HttpClientStore('auth/x', [{ method: 'POST', path: '/login' }], memoryStorage());
    const sent: HttpRequestSpec[] = [];
    const send = async (request: HttpRequestSpec): Promise<HttpResponse> => {
      sent.push(request);
      return { ...ok(200, { token: 'jwt-1' }), headers: { 'content-type': 'application/json', 'set-cookie': 'sid=s1; HttpOnly' } };
    };
    await store.send(send);
    expect(store.cookies.value).toEqual([{ name: 'sid', value: 's1', enabled: true }]);
    store.update({ method: 'GET', path: '/me' });
    store.useBearerToken(store.lastToken()!);
    await store.send(send);
    expect(sent[1]).toEqual({ method: 'GET', path: '/me', headers: { Authorization: 'Bearer jwt-1', Cookie: 'sid=s1' } });
    // The history keeps what the learner wrote, not the jar's cookie.
    expect(store.history.value[0]?.request.headers).toEqual({ Authorization: 'Bearer jwt-1' });
  });

  it('shows a form problem without sending anything', async () => {
    const store = new HttpClientStore('apis/x', [], memoryStorage());
    store.update({ path: 'users' });
    let calls = 0;
    await store.send(async () => {
      calls++;
      return ok(200, {});
    });
    expect(calls).toBe(0);
    expect(store.error.value).toContain('The path must start with "/"');
  });

  it('records a failed send with its reason', async () => {
    const storage = memoryStorage();
    const store = new HttpClientStore('apis/x', [], storage);
    await store.send(() => Promise.reject(new Error('your server is not running')));
    expect(store.error.value).toBe('The request could not be sent: your server is not running');
    expect(store.response.value).toBeUndefined();
    expect(store.sending.value).toBe(false);
    expect(storage.saved['apis/x']?.[0]).toMatchObject({ error: 'your server is not running' });
  });

  it('loads saved history and re-sends an entry as it was', async () => {
    const entry: HistoryEntry = { at: '2026-01-01T00:00:00.000Z', request: { method: 'DELETE', path: '/users/3' }, status: 204 };
    const store = new HttpClientStore('apis/x', [], memoryStorage({ 'apis/x': [entry, { broken: true }] }));
    await store.loadHistory();
    expect(store.history.value).toEqual([entry]);
    const sent: HttpRequestSpec[] = [];
    await store.resend(entry, async (request) => {
      sent.push(request);
      return ok(404, { error: 'not found' });
    });
    expect(sent).toEqual([{ method: 'DELETE', path: '/users/3' }]);
    expect(store.draft.value).toMatchObject({ method: 'DELETE', path: '/users/3' });
    expect(store.history.value).toHaveLength(1);
    expect(store.history.value[0]?.status).toBe(404);
  });

  it('keeps working when the history cannot be stored', async () => {
    const store = new HttpClientStore('apis/x', [], { read: () => Promise.reject(new Error('quota')), write: () => Promise.reject(new Error('quota')) });
    await store.loadHistory();
    await store.send(async () => ok(200, {}));
    expect(store.response.value?.response.status).toBe(200);
    expect(store.historyProblem.value).toBe('Request history could not be saved: quota');
  });
});

describe('addToHistory', () => {
  it('puts the newest first, moves a repeated request up and caps the list', () => {
    const entry = (path: string, at: string): HistoryEntry => ({ at, request: { path } });
    let history: HistoryEntry[] = [];
    for (let i = 0; i < MAX_HISTORY + 5; i++) history = addToHistory(history, entry(`/r${i}`, String(i)));
    expect(history).toHaveLength(MAX_HISTORY);
    expect(history[0]?.request.path).toBe(`/r${MAX_HISTORY + 4}`);
    history = addToHistory(history, entry('/r10', 'again'));
    expect(history[0]).toEqual(entry('/r10', 'again'));
    expect(history.filter((e) => e.request.path === '/r10')).toHaveLength(1);
  });
});
