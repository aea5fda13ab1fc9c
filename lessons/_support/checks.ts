/**
 * Small helpers for lesson `checks.ts` files that drive a server through several requests
 * (auth, debugging and production tracks). Imported relatively and bundled into each lesson's checks.
 * Plain TypeScript only: checks run in the agent and must not depend on Node or the DOM.
 *
 * A helper that prepares what a check tests (signing a user up, reading the database) fails
 * with kind `setup`: the runner then reports "Could not test <the check's rule> yet: …", so a
 * broken sign-up never poses as every other rule's diagnosis. A server that is down is passed
 * on as it is, reported first and alone.
 */
import type { CheckContext, HttpRequestSpec, HttpResponse } from '../../src/checks/define.ts';
import { CheckFailure, isServerDown } from '../../src/checks/check-failure.ts';
import { errorText } from '../../src/shared/error-text.ts';

/**
 * A name no earlier run has used: the learner's database outlives a check run, so a check
 * that signs up "alice" twice would collide with itself the second time Check is pressed.
 */
export function uniqueName(prefix: string): string {
  const stamp = Date.now().toString(36);
  const noise = Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0');
  return `${prefix}_${stamp}${noise}`;
}

/**
 * Sends one request; when the server does not answer at all (crashed, closed the socket),
 * fails the check with a message the learner can act on instead of erroring the checker.
 */
export async function send(t: CheckContext, spec: HttpRequestSpec): Promise<HttpResponse> {
  try {
    return await t.request(spec);
  } catch (error) {
    if (isServerDown(error)) throw error;
    const reason = errorText(error);
    return t.fail(
      `${spec.method ?? 'GET'} ${spec.path} got no answer (${reason}). If the server crashed, open the output panel and read the last error: its stack trace links to the line.`,
    );
  }
}

/** `201 {"id":1}` — a short picture of a response for `actual` in a failure. */
export function describe(res: HttpResponse): string {
  const body = res.text.length > 300 ? `${res.text.slice(0, 300)}…` : res.text;
  return `${res.status} ${body}`.trim();
}

/** The full `Set-Cookie` line that sets cookie `name`, or `undefined`. */
export function setCookieLine(res: HttpResponse, name: string): string | undefined {
  const lines = (res.headers['set-cookie'] ?? '').split('\n');
  return lines.find((line) => line.trim().startsWith(`${name}=`));
}

/** The value a `Set-Cookie` line gives to cookie `name`, or `undefined`. */
export function cookieValue(res: HttpResponse, name: string): string | undefined {
  const line = setCookieLine(res, name);
  if (line === undefined) return undefined;
  const pair = line.split(';')[0] ?? '';
  return pair.slice(pair.indexOf('=') + 1).trim();
}

/** Attribute of a `Set-Cookie` line, case-insensitive: `HttpOnly` → `''`, `SameSite` → `'Lax'`. */
export function cookieAttribute(line: string, attribute: string): string | undefined {
  for (const part of line.split(';').slice(1)) {
    const [key = '', ...rest] = part.split('=');
    if (key.trim().toLowerCase() === attribute.toLowerCase()) return rest.join('=').trim();
  }
  return undefined;
}

/** The JSON body as a plain object (or `{}`), for reading fields without casts at every use. */
export function body(res: HttpResponse): Record<string, unknown> {
  const json = res.json;
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
}

/** Signs a user up with `POST /signup` (the auth track's shape); fails the check unless 201. */
export async function signUp(t: CheckContext, username: string, password: string): Promise<HttpResponse> {
  const res = await send(t, { method: 'POST', path: '/signup', json: { username, password } });
  if (res.status !== 201) {
    throw new CheckFailure('this check first signs a user up, and POST /signup must answer 201 for a new user. Send the "Sign up" request and read the output panel.', {
      expected: '201 {"id":…,"username":"…"}',
      actual: describe(res),
      kind: 'setup',
    });
  }
  return res;
}

/**
 * Rows of `sql` on a copy of the learner's SQLite file. A missing table (the learner broke
 * db.js, or the file was caught half-written) fails the check with a next step instead of
 * crashing the checker.
 */
export async function queryRows(t: CheckContext, path: string, sql: string, params: unknown[] = []): Promise<unknown[][]> {
  const db = await t.openDatabase(path);
  try {
    return db.exec(sql, params)[0]?.rows ?? [];
  } catch (error) {
    throw new CheckFailure(`could not read ${path} (${errorText(error)}). Keep db.js creating its tables and saving the file, restart the server and check again.`, { kind: 'setup' });
  } finally {
    db.close();
  }
}

/** Waits `ms` of real time (not the server's clock, which checks move with `t.clock`). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Reads a value every `everyMs` until `done(value)` holds or `withinMs` of real time have
 * passed, and returns the last value read: for what the server does in the background (an
 * upstream call made, a request answered) that a check must wait for, boundedly.
 */
export async function pollUntil<T>(read: () => T | Promise<T>, done: (value: T) => boolean, withinMs: number, everyMs = 25): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() >= deadline) return value;
    await sleep(everyMs);
  }
}

/** How a request sent with `inFlight` ended: its response, or why it got none. */
export type Outcome = { res: HttpResponse } | { error: string };

/**
 * Sends a request without waiting for it (the check moves the clock or signals the server
 * meanwhile); the outcome never rejects, so awaiting it later cannot count as unhandled.
 */
export function inFlight(t: CheckContext, spec: HttpRequestSpec): Promise<Outcome> {
  return t.request(spec).then(
    (res): Outcome => ({ res }),
    (error: unknown): Outcome => ({ error: errorText(error) }),
  );
}
