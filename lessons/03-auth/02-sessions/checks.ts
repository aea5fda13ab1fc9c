import { bytesToBase64, defineChecks, type CheckContext, type HttpResponse } from '../../../src/checks/define.ts';
import { body, cookieAttribute, cookieValue, describe, queryRows, send, setCookieLine } from '../../_support/checks.ts';
import { reusedUser } from '../_support/reused-user.ts';

const PASSWORD = 'correct horse battery staple';
/** Checks that sign up or log in: milliseconds at the lesson's SCRYPT_LOG_N=12, but a passwords.js that hashes at OWASP's cost anyway takes seconds per scrypt in a busy browser tab. */
const SCRYPT_HEAVY_MS = 60_000;
/** The session lifetime the lesson asks for. */
const LIFETIME_MS = 8 * 60 * 60 * 1000;

interface Session {
  username: string;
  login: HttpResponse;
  sid: string;
}

async function logIn(t: CheckContext, username: string): Promise<Session> {
  const login = await send(t, { method: 'POST', path: '/login', json: { username, password: PASSWORD } });
  t.expectTrue(login.status === 200, 'POST /login with the right password must answer 200.', { actual: describe(login) });
  const sid = cookieValue(login, 'sid');
  if (sid === undefined || sid === '') return t.fail('POST /login must set a cookie named "sid" holding the session id: res.cookie("sid", sessionId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: … }).', {
    expected: 'Set-Cookie: sid=<random id>; Max-Age=28800; Path=/; HttpOnly; SameSite=Lax',
    actual: login.headers['set-cookie'] ?? '(no Set-Cookie header)',
  });
  return { username, login, sid };
}

/** A new session for the run's shared user. */
const newSession = async (t: CheckContext): Promise<Session> => logIn(t, await reusedUser(t, 'ada', PASSWORD));

/**
 * This run's first session: the checks that only read its cookie (attributes, GET /me) share
 * it, since every log-in costs a full scrypt. Checks that end or age a session make their own.
 */
let shared: Promise<Session> | undefined;
const sharedSession = (t: CheckContext): Promise<Session> => (shared ??= newSession(t));

/** The Set-Cookie line for sid from this run's log-in. */
async function sessionCookieLine(t: CheckContext): Promise<string> {
  const { login } = await sharedSession(t);
  return setCookieLine(login, 'sid') ?? '';
}

const me = (t: CheckContext, sid: string) => send(t, { path: '/me', headers: { cookie: `sid=${sid}` } });

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The SHA-256 of a session id as the stored text could spell it: hex, base64 or base64url. */
async function sha256Spellings(sid: string): Promise<string[]> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(sid)));
  const b64 = bytesToBase64(digest);
  return [hex(digest), b64, b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')];
}

export default defineChecks({
  checks: [
    {
      id: 'login-sets-cookie',
      title: 'Log-in sets a "sid" cookie with a long random session id',
      hint: "randomBytes(32).toString('base64url') from node:crypto makes an id nobody can guess.",
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const first = await sharedSession(t);
        const second = await logIn(t, first.username);
        t.expectTrue(first.sid.length >= 22 && first.sid !== second.sid, 'The session id must be long and random (at least 128 bits: 22 base64url characters), different at every log-in — not the user id, a counter or a short number. Use randomBytes(32).toString("base64url").', {
          actual: `first log-in: sid=${first.sid}\nsecond log-in: sid=${second.sid}`,
        });
      },
    },
    {
      id: 'cookie-httponly',
      title: 'The session cookie is HttpOnly',
      hint: 'Pass { httpOnly: true } in the options of res.cookie.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const line = await sessionCookieLine(t);
        t.expectTrue(cookieAttribute(line, 'HttpOnly') !== undefined, 'Mark the session cookie HttpOnly so page scripts — and an attacker\'s injected script — cannot read it: res.cookie("sid", id, { httpOnly: true, … }).', {
          expected: 'sid=…; HttpOnly',
          actual: line,
        });
      },
    },
    {
      id: 'cookie-samesite',
      title: 'The session cookie is SameSite=Lax or Strict',
      hint: "Add sameSite: 'lax' to the cookie options. 'none' sends it along with requests other sites trigger.",
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const line = await sessionCookieLine(t);
        const sameSite = cookieAttribute(line, 'SameSite')?.toLowerCase();
        t.expectTrue(sameSite === 'lax' || sameSite === 'strict', 'Give the session cookie SameSite=Lax (or Strict) so other sites cannot make the browser send it on a forged POST: res.cookie("sid", id, { sameSite: "lax", … }).', {
          expected: 'sid=…; SameSite=Lax',
          actual: line,
        });
      },
    },
    {
      id: 'cookie-path',
      title: 'The session cookie has Path=/',
      hint: "path: '/' in the cookie options: every route of the site must receive it, /logout included.",
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const line = await sessionCookieLine(t);
        t.expectTrue(cookieAttribute(line, 'Path') === '/', 'Scope the session cookie to the whole site with Path=/ (path: "/" in res.cookie): with a narrower path the browser does not send it to /logout or the other routes.', {
          expected: 'sid=…; Path=/',
          actual: line,
        });
      },
    },
    {
      id: 'cookie-max-age',
      title: 'The session cookie has a Max-Age of at most 8 hours',
      hint: 'maxAge: 8 * 60 * 60 * 1000 in the res.cookie options (Express takes milliseconds and writes Max-Age in seconds).',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const line = await sessionCookieLine(t);
        const maxAge = Number(cookieAttribute(line, 'Max-Age'));
        t.expectTrue(Number.isInteger(maxAge) && maxAge > 0 && maxAge <= LIFETIME_MS / 1000, 'Give the session cookie a Max-Age equal to the session lifetime (maxAge: 8 * 60 * 60 * 1000 in res.cookie): without it the cookie lives until the browser closes — which, with "restore tabs", can be never.', {
          expected: 'sid=…; Max-Age=28800',
          actual: line,
        });
      },
    },
    {
      id: 'me-with-session',
      title: 'GET /me with the cookie answers the logged-in user',
      hint: 'In currentUser, read the sid cookie, hash it, then SELECT the user through the sessions table (a JOIN on sessions.user_id).',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { sid, username } = await sharedSession(t);
        const res = await me(t, sid);
        t.expectTrue(res.status === 200 && body(res).username === username, 'GET /me sent with the session cookie must answer 200 and that user. Make currentUser(req) find the session row for the sid cookie and return its user.', {
          expected: `200 {"username":"${username}",…}`,
          actual: describe(res),
        });
      },
    },
    {
      id: 'me-rejects-forged-cookie',
      title: 'GET /me without a valid session answers 401',
      hint: 'Only a session id found in the sessions table counts; anything else is "not logged in".',
      run: async (t) => {
        const none = await send(t, { path: '/me' });
        t.expectEqual(none.status, 401, 'GET /me with no cookie must answer 401.');
        const forged = await send(t, { path: '/me', headers: { cookie: 'sid=1' } });
        t.expectTrue(forged.status === 401, 'GET /me with a made-up cookie (sid=1) must answer 401: only ids stored in the sessions table count.', {
          actual: describe(forged),
        });
      },
    },
    {
      id: 'session-expires',
      title: 'A session works until 8 hours have passed, and not after',
      hint: "Refuse sessions whose created_at is older than 8 hours: compute the cut-off in JavaScript (new Date(Date.now() - LIFETIME).toISOString()) and pass it as a parameter, e.g. `AND sessions.created_at > ?`.",
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { sid } = await newSession(t);
        await t.clock.advance(LIFETIME_MS - 60_000);
        const late = await me(t, sid);
        t.expectTrue(late.status === 200, 'A session one minute short of 8 hours old was refused. Sessions must last 8 hours: check the units (milliseconds for Date.now(), seconds for Max-Age).', {
          expected: '200',
          actual: describe(late),
        });
        await t.clock.advance(61_000);
        const expired = await me(t, sid);
        t.expectTrue(expired.status === 401, 'A session older than 8 hours still works, so a stolen cookie works forever. In currentUser refuse sessions whose created_at is more than 8 hours before Date.now().', {
          expected: '401',
          actual: describe(expired),
        });
      },
    },
    {
      id: 'session-id-hashed',
      title: 'The sessions table stores a SHA-256 of the session id, not the id',
      hint: "createHash('sha256').update(sessionId).digest('hex') — store that at log-in, and look sessions up by it.",
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { sid } = await sharedSession(t);
        const raw = await queryRows(t, 'data.sqlite', 'SELECT COUNT(*) FROM sessions WHERE id = ?', [sid]);
        t.expectTrue(Number(raw[0]?.[0]) === 0, 'The sessions table holds the session id exactly as the cookie carries it: anyone who reads the table (a backup, an SQL injection) can log in as every user. Store createHash("sha256").update(id).digest("hex") instead.', {
          actual: `sessions.id = ${sid}`,
        });
        const spellings = await sha256Spellings(sid);
        const hashed = await queryRows(t, 'data.sqlite', 'SELECT COUNT(*) FROM sessions WHERE id IN (?, ?, ?)', spellings);
        t.expectTrue(Number(hashed[0]?.[0]) === 1, 'No row in sessions holds the SHA-256 of the new session id. At log-in insert createHash("sha256").update(sessionId).digest("hex") as sessions.id.', {
          expected: `one row with id ${spellings[0]}`,
        });
      },
    },
    {
      id: 'wrong-password-no-session',
      title: 'A wrong password gets 401 and no session cookie',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const username = await reusedUser(t, 'ada', PASSWORD);
        const res = await send(t, { method: 'POST', path: '/login', json: { username, password: 'not the password' } });
        t.expectEqual(res.status, 401, 'POST /login with a wrong password must answer 401.');
        t.expectTrue(cookieValue(res, 'sid') === undefined, 'A failed log-in must not set a session cookie. Create the session only after verifyPassword succeeds.', {
          actual: res.headers['set-cookie'],
        });
      },
    },
    {
      id: 'logout-ends-session',
      title: 'After log-out the old cookie no longer works',
      hint: 'Clearing the cookie in the browser is not enough: someone may have copied it. Delete the session row in POST /logout.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { sid } = await newSession(t);
        const before = await me(t, sid);
        t.expectEqual(before.status, 200, 'GET /me with a fresh session cookie must answer 200 before log-out is tested.');
        const logout = await send(t, { method: 'POST', path: '/logout', headers: { cookie: `sid=${sid}` } });
        t.expectTrue(logout.status < 300, 'POST /logout must succeed (204 or 200).', { actual: describe(logout) });
        const after = await me(t, sid);
        t.expectTrue(after.status === 401, 'GET /me with the cookie from before log-out still works. In POST /logout delete the session row, so a copied cookie dies too.', {
          expected: '401',
          actual: describe(after),
        });
      },
    },
    {
      id: 'logout-clears-cookie',
      title: 'Log-out tells the browser to forget the cookie',
      hint: 'res.clearCookie("sid", sameOptionsAsWhenSetting) sends sid= with an expiry date in the past.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { sid } = await newSession(t);
        const logout = await send(t, { method: 'POST', path: '/logout', headers: { cookie: `sid=${sid}` } });
        const line = setCookieLine(logout, 'sid') ?? '';
        const expires = cookieAttribute(line, 'Expires');
        const cleared = cookieAttribute(line, 'Max-Age') === '0' || (expires !== undefined && Date.parse(expires) < Date.now());
        t.expectTrue(cleared, 'POST /logout must also clear the cookie in the browser: res.clearCookie("sid", { httpOnly: true, sameSite: "lax", path: "/" }).', {
          expected: 'Set-Cookie: sid=; Expires=<in the past> (or Max-Age=0)',
          actual: logout.headers['set-cookie'] ?? '(no Set-Cookie header)',
        });
      },
    },
  ],
});
