import { defineChecks, type CheckContext, type HttpRequestSpec } from '../../../src/checks/define.ts';
import { body, cookieAttribute, cookieValue, describe, queryRows, send, setCookieLine, signUp, uniqueName } from '../../_support/checks.ts';

const PASSWORD = 'correct horse battery staple';

interface Session {
  username: string;
  sid: string;
}

async function logIn(t: CheckContext, username: string, password = PASSWORD): Promise<Session> {
  const res = await send(t, { method: 'POST', path: '/login', json: { username, password } });
  const sid = cookieValue(res, 'sid');
  if (res.status !== 200 || sid === undefined || sid === '') return t.fail('POST /login with the right password must answer 200 and set the session cookie "sid".', {
    expected: '200 with Set-Cookie: sid=<random id>; HttpOnly; SameSite=Lax',
    actual: `${describe(res)}\nSet-Cookie: ${res.headers['set-cookie'] ?? '(none)'}`,
  });
  return { username, sid };
}

async function newSession(t: CheckContext, prefix: string): Promise<Session> {
  const username = uniqueName(prefix);
  await signUp(t, username, PASSWORD);
  return logIn(t, username);
}

const as = (session: Session, spec: HttpRequestSpec): HttpRequestSpec => ({ ...spec, headers: { cookie: `sid=${session.sid}` } });

async function writeNote(t: CheckContext, session: Session, text: string): Promise<number> {
  const res = await send(t, as(session, { method: 'POST', path: '/notes', json: { text } }));
  t.expectTrue(res.status === 201 && typeof body(res).id === 'number', 'POST /notes with a session cookie must answer 201 with {"id", "text"}.', { actual: describe(res) });
  return Number(body(res).id);
}

export default defineChecks({
  checks: [
    {
      id: 'passwords-hashed',
      title: 'Passwords are stored as salted slow hashes',
      hint: 'scrypt with a random salt per user; store salt and hash together.',
      timeoutMs: 15000,
      run: async (t) => {
        const first = uniqueName('ada');
        const second = uniqueName('grace');
        await signUp(t, first, PASSWORD);
        await signUp(t, second, PASSWORD);
        const rows = await queryRows(t, 'data.sqlite', 'SELECT * FROM users WHERE username IN (?, ?) ORDER BY id', [first, second]);
        t.expectTrue(rows.length === 2, 'The users table in data.sqlite must hold a row per signed-up user.', { actual: JSON.stringify(rows) });
        const cells = rows.map((row) => JSON.stringify(row));
        t.expectTrue(cells.every((cell) => !cell.includes(PASSWORD)), 'The database contains a password as typed.', { actual: cells.join('\n') });
        const values = rows.map((row) => JSON.stringify(row.slice(2)));
        t.expectTrue(values[0] !== values[1], 'Two users with the same password have the same stored values: no per-user salt.', { actual: values.join('\n') });
      },
    },
    {
      id: 'session-cookie',
      title: 'Log-in sets an HttpOnly, SameSite session cookie',
      timeoutMs: 15000,
      run: async (t) => {
        const username = uniqueName('alan');
        await signUp(t, username, PASSWORD);
        const res = await send(t, { method: 'POST', path: '/login', json: { username, password: PASSWORD } });
        const line = setCookieLine(res, 'sid') ?? '';
        const sameSite = cookieAttribute(line, 'SameSite')?.toLowerCase();
        t.expectTrue(
          cookieAttribute(line, 'HttpOnly') !== undefined && (sameSite === 'lax' || sameSite === 'strict') && (cookieValue(res, 'sid') ?? '').length >= 16,
          'The session cookie "sid" must hold a long random id and be HttpOnly and SameSite=Lax (or Strict).',
          { expected: 'sid=<random id>; HttpOnly; SameSite=Lax', actual: res.headers['set-cookie'] ?? '(no Set-Cookie header)' },
        );
      },
    },
    {
      id: 'wrong-password',
      title: 'A wrong password gets 401 and no session',
      timeoutMs: 15000,
      run: async (t) => {
        const username = uniqueName('barbara');
        await signUp(t, username, PASSWORD);
        const res = await send(t, { method: 'POST', path: '/login', json: { username, password: 'not the password' } });
        t.expectTrue(res.status === 401 && cookieValue(res, 'sid') === undefined, 'A wrong password must answer 401 without a session cookie.', { actual: describe(res) });
      },
    },
    {
      id: 'notes-need-login',
      title: 'Notes routes answer 401 without a session',
      steps: [
        { request: { path: '/notes' }, expect: { status: 401 }, message: 'GET /notes without a session must answer 401.' },
        { request: { method: 'POST', path: '/notes', json: { text: 'hi' } }, expect: { status: 401 }, message: 'POST /notes without a session must answer 401.' },
        { request: { path: '/notes/1', headers: { cookie: 'sid=forged' } }, expect: { status: 401 }, message: 'GET /notes/1 with an unknown session id must answer 401.' },
      ],
    },
    {
      id: 'own-notes-only',
      title: 'Users see their own notes and get 403 for others',
      timeoutMs: 15000,
      run: async (t) => {
        const alice = await newSession(t, 'alice');
        const bob = await newSession(t, 'bob');
        const noteId = await writeNote(t, alice, 'alice secret');
        await writeNote(t, bob, 'bob shopping list');
        const own = await send(t, as(alice, { path: `/notes/${noteId}` }));
        t.expectTrue(own.status === 200 && body(own).text === 'alice secret', 'GET /notes/:id by its owner must answer 200 with the note.', { actual: describe(own) });
        const list = await send(t, as(alice, { path: '/notes' }));
        const texts = Array.isArray(list.json) ? list.json.map((n) => (n as { text?: unknown }).text) : undefined;
        t.expectTrue(list.status === 200 && texts !== undefined && texts.includes('alice secret') && !texts.includes('bob shopping list'), "GET /notes must answer 200 with an array of the caller's own notes only.", {
          actual: describe(list),
        });
        const other = await send(t, as(bob, { path: `/notes/${noteId}` }));
        t.expectTrue(other.status === 403, "GET /notes/:id for someone else's note must answer 403.", { expected: '403', actual: describe(other) });
        const missing = await send(t, as(alice, { path: '/notes/999999999' }));
        t.expectEqual(missing.status, 404, 'GET /notes/:id for a note that does not exist must answer 404.');
      },
    },
    {
      id: 'logout',
      title: 'Log-out ends the session on the server',
      timeoutMs: 15000,
      run: async (t) => {
        const session = await newSession(t, 'linus');
        const before = await send(t, as(session, { path: '/notes' }));
        t.expectEqual(before.status, 200, 'GET /notes with a fresh session must answer 200.');
        const out = await send(t, as(session, { method: 'POST', path: '/logout' }));
        t.expectTrue(out.status < 300, 'POST /logout must answer 204 (or 200).', { actual: describe(out) });
        const after = await send(t, as(session, { path: '/notes' }));
        t.expectTrue(after.status === 401, 'The session cookie still works after log-out.', { expected: '401', actual: describe(after) });
      },
    },
    {
      id: 'rate-limit',
      title: 'Five failed log-ins lock the username with 429 and Retry-After',
      timeoutMs: 20000,
      run: async (t) => {
        const username = uniqueName('victim');
        await signUp(t, username, PASSWORD);
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) statuses.push((await send(t, { method: 'POST', path: '/login', json: { username, password: `guess ${i}` } })).status);
        t.expectEqual(statuses, [401, 401, 401, 401, 401], 'The first five wrong passwords must each answer 401.');
        const blocked = await send(t, { method: 'POST', path: '/login', json: { username, password: PASSWORD } });
        const retryAfter = Number(blocked.headers['retry-after']);
        t.expectTrue(blocked.status === 429 && retryAfter >= 1 && retryAfter <= 900, 'After five failures even the right password must get 429 with Retry-After (seconds, at most 900).', {
          expected: '429, Retry-After: 1…900',
          actual: `${describe(blocked)}\nRetry-After: ${blocked.headers['retry-after'] ?? '(none)'}`,
        });
        const other = uniqueName('bystander');
        await signUp(t, other, PASSWORD);
        await logIn(t, other);
      },
    },
    {
      id: 'injection-safe',
      title: "SQL injection does not log in, and o'neil can",
      timeoutMs: 15000,
      run: async (t) => {
        const injected = await send(t, { method: 'POST', path: '/login', json: { username: "' OR '1'='1", password: "' OR '1'='1" } });
        t.expectTrue(injected.status === 401, "Logging in with ' OR '1'='1 as username and password must answer 401.", { actual: describe(injected) });
        const username = uniqueName("o'neil");
        await signUp(t, username, PASSWORD);
        await logIn(t, username);
      },
    },
  ],
});
