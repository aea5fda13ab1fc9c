import { describe, expect, it } from 'vitest';
import type { CheckContext, HttpResponse, SqlDatabase } from '../../src/checks/define.ts';
import { CheckFailure } from '../../src/checks/check-failure.ts';
import { body, cookieAttribute, cookieValue, inFlight, pollUntil, queryRows, send, setCookieLine, signUp, uniqueName } from './checks.ts';

function response(headers: Record<string, string>, json?: unknown): HttpResponse {
  return { status: 200, headers, text: JSON.stringify(json ?? null), json, durationMs: 1 };
}

class Failed extends Error {}

/** Only the members the helpers use; everything else throws so an unexpected use shows up. */
function context(overrides: Partial<CheckContext>): CheckContext {
  const unused = () => {
    throw new Error('not used by this test');
  };
  return {
    request: unused,
    requestAll: unused,
    readFile: unused,
    openDatabase: unused,
    runLearnerSql: unused,
    openDataset: unused,
    setUpstream: unused,
    upstreamCalls: unused,
    restartServer: unused,
    signalServer: unused,
    clock: { now: unused, advance: unused },
    serverOutput: () => '',
    serverLines: () => [],
    runCommand: unused,
    fail: (message: string) => {
      throw new Failed(message);
    },
    expectEqual: unused,
    expectTrue: unused,
    ...overrides,
  };
}

describe('cookies', () => {
  const res = response({ 'set-cookie': 'theme=dark; Path=/\nsid=abc=123; Path=/; HttpOnly; SameSite=Lax' });

  it('finds the line and value of the named cookie, keeping "=" inside the value', () => {
    expect(setCookieLine(res, 'sid')).toBe('sid=abc=123; Path=/; HttpOnly; SameSite=Lax');
    expect(cookieValue(res, 'sid')).toBe('abc=123');
    expect(cookieValue(res, 'missing')).toBeUndefined();
  });

  it('reads attributes case-insensitively, flags as empty strings', () => {
    const line = setCookieLine(res, 'sid') ?? '';
    expect(cookieAttribute(line, 'httponly')).toBe('');
    expect(cookieAttribute(line, 'SameSite')).toBe('Lax');
    expect(cookieAttribute(line, 'Secure')).toBeUndefined();
  });
});

describe('body', () => {
  it('gives objects as they are and {} for anything else', () => {
    expect(body(response({}, { token: 't' }))).toEqual({ token: 't' });
    expect(body(response({}, [1, 2]))).toEqual({});
    expect(body(response({}, undefined))).toEqual({});
  });
});

describe('uniqueName', () => {
  it('never repeats within a run', () => {
    const names = new Set(Array.from({ length: 200 }, () => uniqueName('ada')));
    expect(names.size).toBe(200);
    for (const name of names) expect(name).toMatch(/^ada_[0-9a-z]+$/);
  });
});

describe('send', () => {
  it('turns a request that gets no answer into a failure naming the request and the reason', async () => {
    const t = context({ request: () => Promise.reject(new Error('socket hang up')) });
    await expect(send(t, { method: 'POST', path: '/orders' })).rejects.toThrow(/POST \/orders got no answer \(socket hang up\)/);
  });

  it('passes a server that is down on as it is, to be reported first and alone', async () => {
    const down = new CheckFailure('Your server is not running: it exited with code 1', { kind: 'server-down' });
    const t = context({ request: () => Promise.reject(down) });
    await expect(send(t, { path: '/' })).rejects.toBe(down);
  });
});

describe('signUp', () => {
  it('fails as a setup step (the runner names the rule it could not test), with the response', async () => {
    const t = context({ request: () => Promise.resolve({ ...response({}, { error: 'boom' }), status: 500 }) });
    const failure = await signUp(t, 'ada', 'pw').catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'CheckFailure', kind: 'setup', actual: '500 {"error":"boom"}' });
    expect((failure as Error).message).toMatch(/^this check first signs a user up, and POST \/signup must answer 201/);
  });
});

describe('queryRows', () => {
  it('fails the check as a setup step (not the checker) when the query cannot run, and closes the copy', async () => {
    let closed = false;
    const db: SqlDatabase = {
      exec: () => {
        throw new Error('no such table: products');
      },
      execScript: () => {
        throw new Error('not used by queryRows');
      },
      close: () => {
        closed = true;
      },
    };
    const t = context({ openDatabase: () => Promise.resolve(db) });
    await expect(queryRows(t, 'data.sqlite', 'SELECT id FROM products')).rejects.toMatchObject({ name: 'CheckFailure', kind: 'setup', message: expect.stringContaining('no such table: products') });
    expect(closed).toBe(true);
  });
});

describe('pollUntil', () => {
  it('reads until the value is done, and returns it', async () => {
    let reads = 0;
    expect(await pollUntil(() => ++reads, (value) => value >= 3, 5_000, 1)).toBe(3);
    expect(reads).toBe(3);
  });

  it('gives up after its time with the last value read', async () => {
    const started = Date.now();
    expect(await pollUntil(async () => 'never', (value) => value === 'done', 100, 10)).toBe('never');
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });
});

describe('inFlight', () => {
  it('resolves with the response, or with why there was none — never rejects', async () => {
    const answered = context({ request: () => Promise.resolve(response({}, { ok: true })) });
    expect(await inFlight(answered, { path: '/' })).toMatchObject({ res: { status: 200 } });
    const hungUp = context({ request: () => Promise.reject(new Error('socket hang up')) });
    expect(await inFlight(hungUp, { path: '/' })).toEqual({ error: 'socket hang up' });
  });
});
