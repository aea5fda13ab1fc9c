import { base64ToBytes, bytesToBase64, defineChecks, type CheckContext, type HttpRequestSpec, type HttpResponse } from '../../../src/checks/define.ts';
import { CheckFailure } from '../../../src/checks/check-failure.ts';
import { body, cookieAttribute, cookieValue, describe, queryRows, send, setCookieLine, signUp, uniqueName } from '../../_support/checks.ts';
import { parseRecord, recomputable, recomputes, weakCost } from '../_support/password-record.ts';
import { reusedUser } from '../_support/reused-user.ts';

const PASSWORD = 'correct horse battery staple';
/** Checks that sign up or log in: one scrypt at OWASP's cost takes seconds in a busy browser tab. */
const SCRYPT_HEAVY_MS = 60_000;
const ALLOWED_ORIGIN = 'http://localhost:5173';
const CHECK_SECRET = 'checks-only-secret-7f3a9c1e5b2d4f6a8c0e2b4d6f8a0c2e';

interface Session {
  username: string;
  login: HttpResponse;
  sid: string;
  csrf: string;
}

/** Logs `username` in and reads the session's CSRF token from GET /me (setup failures name what is missing). */
async function logIn(t: CheckContext, username: string): Promise<Session> {
  const login = await send(t, { method: 'POST', path: '/login', json: { username, password: PASSWORD } });
  const sid = cookieValue(login, 'sid');
  if (login.status !== 200 || sid === undefined || sid === '') {
    throw new CheckFailure('this check logs in first: POST /login with the right password must answer 200 and set the session cookie "sid".', {
      expected: '200 with Set-Cookie: sid=<random id>; …',
      actual: `${describe(login)}\nSet-Cookie: ${login.headers['set-cookie'] ?? '(none)'}`,
      kind: 'setup',
    });
  }
  const me = await send(t, { path: '/me', headers: { cookie: `sid=${sid}` } });
  const csrf = body(me).csrfToken;
  return { username, login, sid, csrf: typeof csrf === 'string' ? csrf : '' };
}

/** A new session for this run's user `prefix` (signed up once per run). */
const session = async (t: CheckContext, prefix: string): Promise<Session> => logIn(t, await reusedUser(t, prefix, PASSWORD));

/** A request in a session, with its CSRF token for anything but GET. */
const as = (s: Session, spec: HttpRequestSpec): HttpRequestSpec => ({
  ...spec,
  headers: { ...spec.headers, cookie: `sid=${s.sid}`, ...((spec.method ?? 'GET') === 'GET' ? {} : { 'x-csrf-token': s.csrf }) },
});

async function writeNote(t: CheckContext, s: Session, text: string): Promise<number> {
  const res = await send(t, as(s, { method: 'POST', path: '/notes', json: { text } }));
  if (res.status !== 201 || typeof body(res).id !== 'number') {
    throw new CheckFailure('this check writes a note first: POST /notes with the session cookie and its X-CSRF-Token must answer 201 {"id", "text"}.', { actual: describe(res), kind: 'setup' });
  }
  return Number(body(res).id);
}

const b64url = (bytes: Uint8Array) => bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const encodeJson = (value: unknown) => b64url(new TextEncoder().encode(JSON.stringify(value)));

async function signJwt(alg: 'HS256' | 'HS512', claims: Record<string, unknown>): Promise<string> {
  const hash = alg === 'HS256' ? 'SHA-256' : 'SHA-512';
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(CHECK_SECRET), { name: 'HMAC', hash }, false, ['sign']);
  const unsigned = `${encodeJson({ alg, typ: 'JWT' })}.${encodeJson(claims)}`;
  return `${unsigned}.${b64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(unsigned))))}`;
}

function jwtClaims(token: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(base64ToBytes(token.split('.')[1] ?? '')));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export default defineChecks({
  checks: [
    {
      id: 'passwords-slow-salted',
      title: "Passwords are stored as scrypt at OWASP's cost, salted, in the format scrypt$N$r$p$salt$hash",
      skill: 'auth/hash-passwords',
      weight: 2,
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const first = uniqueName('ada');
        const second = uniqueName('grace');
        await signUp(t, first, PASSWORD);
        await signUp(t, second, PASSWORD);
        const rows = await queryRows(t, 'data.sqlite', 'SELECT password_hash FROM users WHERE username IN (?, ?) ORDER BY id', [first, second]);
        const [a, b] = rows.map((row) => String(row[0]));
        if (a === undefined || b === undefined) return t.fail('The users table in data.sqlite must hold a row per signed-up user, with the hash in password_hash.');
        const record = parseRecord(a);
        if (typeof record === 'string') return t.fail(`The stored password cannot be read back: ${record}.`, { actual: a });
        t.expectTrue(weakCost(record) === undefined, `The hash is too cheap: ${weakCost(record)}.`, { actual: a });
        t.expectTrue(recomputable(record) && (await recomputes(record, PASSWORD)), 'Recomputing scrypt from the password, the salt and the recorded cost does not give the stored hash: it is not scrypt at that cost.', { actual: a });
        t.expectTrue(a.split('$')[4] !== b.split('$')[4], 'Two users with the same password share a salt.', { actual: `${a}\n${b}` });
      },
    },
    {
      id: 'session-cookie',
      title: 'Log-in sets sid: a long random id, HttpOnly, SameSite=Lax or Strict, Path=/, Max-Age at most 8 hours',
      skill: 'auth/sessions',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { login, sid } = await session(t, 'alan');
        const line = setCookieLine(login, 'sid') ?? '';
        const sameSite = cookieAttribute(line, 'SameSite')?.toLowerCase();
        const maxAge = Number(cookieAttribute(line, 'Max-Age'));
        t.expectTrue(
          sid.length >= 22 && cookieAttribute(line, 'HttpOnly') !== undefined && (sameSite === 'lax' || sameSite === 'strict') && cookieAttribute(line, 'Path') === '/' && maxAge > 0 && maxAge <= 28800,
          'The session cookie does not have every attribute it needs.',
          { expected: 'sid=<random id>; Max-Age=28800; Path=/; HttpOnly; SameSite=Lax', actual: line },
        );
      },
    },
    {
      id: 'session-expires',
      title: 'A session is refused once it is 8 hours old',
      skill: 'auth/sessions',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const s = await session(t, 'alan');
        await t.clock.advance(8 * 60 * 60 * 1000 - 60_000);
        const before = await send(t, as(s, { path: '/me' }));
        t.expectEqual(before.status, 200, 'A session one minute short of 8 hours old must still work.');
        await t.clock.advance(61_000);
        const after = await send(t, as(s, { path: '/me' }));
        t.expectEqual(after.status, 401, 'A session older than 8 hours must be refused with 401.');
      },
    },
    {
      id: 'logout-ends-session',
      title: 'Log-out deletes the session on the server',
      skill: 'auth/sessions',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const s = await session(t, 'alan');
        const out = await send(t, as(s, { method: 'POST', path: '/logout' }));
        t.expectTrue(out.status < 300, 'POST /logout (with the session cookie and its X-CSRF-Token) must answer 204.', { actual: describe(out) });
        const after = await send(t, as(s, { path: '/me' }));
        t.expectEqual(after.status, 401, 'The session cookie still works after log-out.');
      },
    },
    {
      id: 'wrong-password',
      title: 'A wrong password gets 401 and no session',
      skill: 'auth/sessions',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const username = await reusedUser(t, 'alan', PASSWORD);
        const res = await send(t, { method: 'POST', path: '/login', json: { username, password: 'not the password' } });
        t.expectTrue(res.status === 401 && cookieValue(res, 'sid') === undefined, 'A wrong password must answer 401 without a session cookie.', { actual: describe(res) });
      },
    },
    {
      id: 'owners-and-roles',
      title: "Notes need a session, others' notes get 403, /admin/users is for admins only, and sign-up ignores role",
      skill: 'auth/authorization',
      weight: 2,
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const anonymous = await send(t, { path: '/notes' });
        t.expectEqual(anonymous.status, 401, 'GET /notes without a session must answer 401.');
        const alice = await session(t, 'alice');
        const bob = await session(t, 'bob');
        const noteId = await writeNote(t, alice, 'alice secret');
        const other = await send(t, as(bob, { path: `/notes/${noteId}` }));
        t.expectEqual(other.status, 403, "GET /notes/:id for someone else's note must answer 403.");
        const missing = await send(t, as(alice, { path: '/notes/999999999' }));
        t.expectEqual(missing.status, 404, 'GET /notes/:id for a note that does not exist must answer 404.');
        const mallory = uniqueName('mallory');
        const created = await send(t, { method: 'POST', path: '/signup', json: { username: mallory, password: PASSWORD, role: 'admin' } });
        t.expectEqual(created.status, 201, 'POST /signup must answer 201 (and ignore the role in the body).');
        const escalated = await send(t, as(await logIn(t, mallory), { path: '/admin/users' }));
        t.expectEqual(escalated.status, 403, 'A user who signed up with "role": "admin" must not reach /admin/users: never take the role from the request.');
        const root = await send(t, { method: 'POST', path: '/login', json: { username: 'root', password: 'playground-admin' } });
        const admin = await send(t, { path: '/admin/users', headers: { cookie: `sid=${cookieValue(root, 'sid') ?? ''}` } });
        t.expectTrue(admin.status === 200 && Array.isArray(admin.json), 'GET /admin/users as root (role admin) must answer 200 with the users.', { actual: describe(admin) });
      },
    },
    {
      id: 'lockout',
      title: 'Five failed log-ins lock the username: 429 with Retry-After, even for the right password',
      skill: 'auth/rate-limit',
      timeoutMs: SCRYPT_HEAVY_MS * 2,
      freshServer: true,
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
        await t.clock.advance(15 * 60 * 1000 + 1000);
        const later = await send(t, { method: 'POST', path: '/login', json: { username, password: PASSWORD } });
        t.expectEqual(later.status, 200, 'Fifteen minutes later the lock-out must have ended.');
      },
    },
    {
      id: 'cors-one-origin',
      title: `/api answers CORS only for ${ALLOWED_ORIGIN}, with Vary: Origin`,
      skill: 'auth/cors',
      run: async (t) => {
        const evil = await send(t, { method: 'OPTIONS', path: '/api/notes', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
        t.expectTrue(evil.headers['access-control-allow-origin'] === undefined, 'A preflight from https://evil.example got Access-Control-Allow-Origin: allow only the front-end, and never echo the Origin.', { actual: JSON.stringify(evil.headers) });
        const good = await send(t, { method: 'OPTIONS', path: '/api/notes', headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
        t.expectTrue(good.headers['access-control-allow-origin'] === ALLOWED_ORIGIN && /authorization/i.test(good.headers['access-control-allow-headers'] ?? '') && /\borigin\b/i.test(good.headers.vary ?? ''), `The preflight from ${ALLOWED_ORIGIN} must get Access-Control-Allow-Origin: ${ALLOWED_ORIGIN}, Access-Control-Allow-Headers with Authorization, and Vary: Origin.`, { actual: JSON.stringify(good.headers) });
      },
    },
    {
      id: 'sort-allow-listed',
      title: 'GET /notes sorts only by id or text, asc or desc: a SQL expression gets 400',
      skill: 'auth/sql-injection',
      timeoutMs: SCRYPT_HEAVY_MS,
      freshServer: true,
      run: async (t) => {
        const s = await session(t, 'alice');
        await writeNote(t, s, `zebra ${uniqueName('z')}`);
        await writeNote(t, s, `aardvark ${uniqueName('a')}`);
        const sorted = await send(t, as(s, { path: '/notes?sort=text&dir=desc' }));
        const texts = Array.isArray(sorted.json) ? sorted.json.map((n) => String((n as { text?: unknown }).text)) : [];
        t.expectTrue(sorted.status === 200 && texts.length >= 2 && texts.join('\n') === [...texts].sort().reverse().join('\n'), 'GET /notes?sort=text&dir=desc must list the notes by text, last first.', { actual: describe(sorted) });
        for (const query of ['sort=id*-1', 'sort=(SELECT%201)', 'sort=id&dir=desc%2C%20(SELECT%201)']) {
          const res = await send(t, as(s, { path: `/notes?${query}` }));
          t.expectEqual(res.status, 400, `GET /notes?${decodeURIComponent(query)} must answer 400: only allow-listed words may reach ORDER BY.`);
        }
        const injected = await send(t, { method: 'POST', path: '/login', json: { username: "' OR '1'='1", password: "' OR '1'='1" } });
        t.expectEqual(injected.status, 401, "Logging in with ' OR '1'='1 must answer 401: use placeholders for every value.");
      },
    },
    {
      id: 'note-page-escaped',
      title: 'GET /notes/:id/page shows a note containing <img onerror> as text',
      skill: 'auth/output-escaping',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const s = await session(t, 'alice');
        const payload = '<img src=x onerror=alert(1)> & "quoted"';
        const id = await writeNote(t, s, payload);
        const res = await send(t, as(s, { path: `/notes/${id}/page` }));
        t.expectTrue(res.status === 200 && !res.text.includes('<img src=x') && /(&lt;|&#0*60;|&#x0*3c;)img src=x onerror=alert\(1\)/i.test(res.text), 'The note page must show the note as text: escape & < > " \' in it.', { actual: describe(res) });
      },
    },
    {
      id: 'csrf-token-required',
      title: "A cookie-authenticated POST without the session's X-CSRF-Token gets 403 and changes nothing",
      skill: 'auth/csrf-tokens',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const alice = await session(t, 'alice');
        const bob = await session(t, 'bob');
        const count = async () => {
          const list = await send(t, as(alice, { path: '/notes' }));
          return Array.isArray(list.json) ? list.json.length : -1;
        };
        const before = await count();
        for (const token of [undefined, 'guess', bob.csrf]) {
          const headers: Record<string, string> = { cookie: `sid=${alice.sid}` };
          if (token !== undefined) headers['x-csrf-token'] = token;
          const res = await send(t, { method: 'POST', path: '/notes', headers, json: { text: 'forged' } });
          t.expectEqual(res.status, 403, `POST /notes with ${token === undefined ? 'no' : token === bob.csrf ? "another session's" : 'a wrong'} X-CSRF-Token must answer 403.`);
        }
        t.expectEqual(await count(), before, 'A refused POST /notes must not create a note.');
      },
    },
    {
      id: 'security-headers',
      title: "Every response carries a CSP with script-src 'self' and frame-ancestors 'none', nosniff and a safe Referrer-Policy",
      skill: 'auth/security-headers',
      run: async (t) => {
        for (const path of ['/notes', '/api/notes']) {
          const res = await send(t, { path });
          const csp = res.headers['content-security-policy'] ?? '';
          const directive = (name: string) => new RegExp(`(?:^|;)\\s*${name}\\s+([^;]*)`, 'i').exec(csp)?.[1]?.trim().toLowerCase();
          const scripts = directive('script-src') ?? directive('default-src');
          t.expectTrue(scripts !== undefined && !/'unsafe-inline'|'unsafe-eval'|\*/.test(scripts), `${path}: the Content-Security-Policy must allow only the site's own scripts (script-src 'self').`, { actual: csp || '(none)' });
          t.expectTrue(["'none'", "'self'"].includes(directive('frame-ancestors') ?? ''), `${path}: the Content-Security-Policy needs frame-ancestors 'none'.`, { actual: csp || '(none)' });
          t.expectTrue(/^\s*nosniff\s*$/i.test(res.headers['x-content-type-options'] ?? '') && ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes((res.headers['referrer-policy'] ?? '').trim().toLowerCase()), `${path}: send X-Content-Type-Options: nosniff and Referrer-Policy: strict-origin-when-cross-origin.`, { actual: JSON.stringify(res.headers) });
        }
      },
    },
    {
      id: 'jwt-verified',
      title: 'API tokens: HS256 with JWT_SECRET; edited, HS512-signed and expired tokens are refused',
      skill: 'auth/jwt',
      weight: 2,
      timeoutMs: SCRYPT_HEAVY_MS,
      env: { JWT_SECRET: CHECK_SECRET },
      run: async (t) => {
        const username = await reusedUser(t, 'alice', PASSWORD);
        const issued = await send(t, { method: 'POST', path: '/token', json: { username, password: PASSWORD } });
        const token = body(issued).token;
        if (typeof token !== 'string') return t.fail('POST /token with the right password must answer 200 {"token": "<jwt>"}.', { actual: describe(issued) });
        const api = (bearer: string) => send(t, { path: '/api/notes', headers: { authorization: `Bearer ${bearer}` } });
        t.expectEqual((await api(token)).status, 200, 'GET /api/notes with the token from POST /token must answer 200.');
        const claims = jwtClaims(token);
        t.expectEqual((await api(await signJwt('HS256', claims))).status, 200, 'Sign tokens with HS256 and the key in JWT_SECRET: the same claims signed that way must be accepted.');
        t.expectEqual((await api(await signJwt('HS512', claims))).status, 401, 'The same claims signed with HS512 must be refused: pin the algorithm to HS256.');
        const [header, , signature] = token.split('.');
        t.expectEqual((await api(`${header}.${encodeJson({ ...claims, sub: '1' })}.${signature}`)).status, 401, 'A token with an edited payload must be refused.');
        const exp = claims.exp;
        t.expectTrue(typeof exp === 'number' && exp * 1000 - (await t.clock.now()) <= 3_600_000, 'Tokens must expire within an hour ("exp").', { actual: JSON.stringify(claims) });
        await t.clock.advance(Number(exp) * 1000 - (await t.clock.now()) + 2000);
        t.expectEqual((await api(token)).status, 401, 'An expired token must be refused with 401.');
      },
    },
  ],
});
