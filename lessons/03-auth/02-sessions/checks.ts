import { defineChecks, type CheckContext, type HttpResponse } from '../../../src/checks/define.ts';
import { body, cookieAttribute, cookieValue, describe, send, setCookieLine, signUp, uniqueName } from '../../_support/checks.ts';

const PASSWORD = 'correct horse battery staple';
/** Time limit for checks that sign up and log in several users: scrypt is slow on purpose, slower in a browser runtime. */
const SCRYPT_HEAVY_MS = 15000;

interface LoggedIn {
  username: string;
  login: HttpResponse;
  /** The `sid` cookie value, or undefined when the server set none. */
  sid: string | undefined;
}

async function logIn(t: CheckContext, username: string): Promise<LoggedIn> {
  const login = await send(t, { method: 'POST', path: '/login', json: { username, password: PASSWORD } });
  t.expectTrue(login.status === 200, 'POST /login with the right password must answer 200.', { actual: describe(login) });
  return { username, login, sid: cookieValue(login, 'sid') };
}

async function newSession(t: CheckContext): Promise<LoggedIn & { sid: string }> {
  const username = uniqueName('ada');
  await signUp(t, username, PASSWORD);
  const session = await logIn(t, username);
  const { sid } = session;
  if (sid === undefined || sid === '') return t.fail('POST /login must set a cookie named "sid" holding the session id: res.cookie("sid", sessionId, { httpOnly: true, sameSite: "lax" }).', {
    expected: 'Set-Cookie: sid=<random id>; HttpOnly; SameSite=Lax',
    actual: session.login.headers['set-cookie'] ?? '(no Set-Cookie header)',
  });
  return { ...session, sid };
}

const me = (t: CheckContext, sid: string) => send(t, { path: '/me', headers: { cookie: `sid=${sid}` } });

export default defineChecks({
  checks: [
    {
      id: 'login-sets-cookie',
      title: 'Log-in sets a "sid" cookie with a random session id',
      hint: "randomBytes(32).toString('base64url') from node:crypto makes an id nobody can guess; store it in the sessions table with the user's id.",
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const first = await newSession(t);
        const second = await logIn(t, first.username);
        t.expectTrue(first.sid.length >= 16 && first.sid !== second.sid, 'The session id must be long and random, different at every log-in — not the user id or name (anyone could forge those). Use randomBytes(32).toString("base64url").', {
          actual: `first log-in: sid=${first.sid}\nsecond log-in: sid=${second.sid ?? '(none)'}`,
        });
      },
    },
    {
      id: 'cookie-httponly',
      title: 'The session cookie is HttpOnly',
      hint: 'Pass { httpOnly: true } as the third argument of res.cookie.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { login } = await newSession(t);
        const line = setCookieLine(login, 'sid') ?? '';
        t.expectTrue(cookieAttribute(line, 'HttpOnly') !== undefined, 'Mark the session cookie HttpOnly so page scripts — and an attacker\'s injected script — cannot read it: res.cookie("sid", id, { httpOnly: true, … }).', {
          expected: 'sid=…; HttpOnly',
          actual: line,
        });
      },
    },
    {
      id: 'cookie-samesite',
      title: 'The session cookie is SameSite=Lax or Strict',
      hint: "Add sameSite: 'lax' to the cookie options. 'none' would send it along with requests other sites trigger.",
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { login } = await newSession(t);
        const line = setCookieLine(login, 'sid') ?? '';
        const sameSite = cookieAttribute(line, 'SameSite')?.toLowerCase();
        t.expectTrue(sameSite === 'lax' || sameSite === 'strict', 'Give the session cookie SameSite=Lax (or Strict) so other sites cannot make the browser send it on a forged POST: res.cookie("sid", id, { sameSite: "lax", … }).', {
          expected: 'sid=…; SameSite=Lax',
          actual: line,
        });
      },
    },
    {
      id: 'me-with-session',
      title: 'GET /me with the cookie answers the logged-in user',
      hint: 'In currentUser, read the sid cookie, then SELECT the user through the sessions table (a JOIN on sessions.user_id).',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { sid, username } = await newSession(t);
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
      timeoutMs: SCRYPT_HEAVY_MS,
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
      id: 'wrong-password-no-session',
      title: 'A wrong password gets 401 and no session cookie',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const username = uniqueName('grace');
        await signUp(t, username, PASSWORD);
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
        t.expectTrue(after.status === 401, 'GET /me with the cookie from before log-out still works. In POST /logout delete the session row (DELETE FROM sessions WHERE id = ?), so a copied cookie dies too.', {
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
