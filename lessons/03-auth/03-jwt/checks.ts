import { base64ToBytes, bytesToBase64, defineChecks, type CheckContext } from '../../../src/checks/define.ts';
import { CheckFailure, isServerDown } from '../../../src/checks/check-failure.ts';
import { body, describe, send } from '../../_support/checks.ts';
import { reusedUser } from '../_support/reused-user.ts';

const PASSWORD = 'correct horse battery staple';
/** Checks that sign up or log in: milliseconds at the lesson's SCRYPT_LOG_N=12, but a passwords.js that hashes at OWASP's cost anyway takes seconds per scrypt in a busy browser tab. */
const SCRYPT_HEAVY_MS = 60_000;
/** The JWT_SECRET the checks start the server with, so they can sign tokens the way it does. */
const CHECK_SECRET = 'checks-only-secret-7f3a9c1e5b2d4f6a8c0e2b4d6f8a0c2e';
/** The secret the old version of this lesson hard-coded as a fallback. */
const OLD_FALLBACK = 'playground-dev-secret-change-me-in-production';

const b64url = (bytes: Uint8Array) => bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const encodeJson = (value: unknown) => b64url(new TextEncoder().encode(JSON.stringify(value)));

function decodeJson(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const text = new TextDecoder().decode(base64ToBytes(part ?? ''));
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const HASHES = { HS256: 'SHA-256', HS384: 'SHA-384', HS512: 'SHA-512' } as const;

/** The HMAC signature of `unsigned` with `secret`, base64url. */
async function hmac(alg: keyof typeof HASHES, secret: string, unsigned: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: HASHES[alg] }, false, ['sign']);
  return b64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(unsigned))));
}

/** A JWT with these claims, signed with `alg` and `secret` — built without the learner's code. */
async function sign(alg: keyof typeof HASHES, secret: string, claims: Record<string, unknown>): Promise<string> {
  const unsigned = `${encodeJson({ alg, typ: 'JWT' })}.${encodeJson(claims)}`;
  return `${unsigned}.${await hmac(alg, secret, unsigned)}`;
}

interface Login {
  username: string;
  token: string;
  parts: string[];
  claims: Record<string, unknown>;
}

async function logIn(t: CheckContext): Promise<Login> {
  const username = await reusedUser(t, 'ada', PASSWORD);
  const res = await send(t, { method: 'POST', path: '/login', json: { username, password: PASSWORD } });
  const token = body(res).token;
  if (res.status !== 200 || typeof token !== 'string') return t.fail('POST /login must answer 200 with {"token": "<jwt>"}.', { actual: describe(res) });
  const parts = token.split('.');
  return { username, token, parts, claims: decodeJson(parts[1]) ?? {} };
}

/** A log-in whose token is an HS256 JWT (fails the check as setup otherwise: other checks grade that). */
async function requireJwt(t: CheckContext): Promise<Login> {
  const login = await logIn(t);
  if (login.parts.length !== 3 || decodeJson(login.parts[0])?.alg !== 'HS256') {
    throw new CheckFailure('this check needs log-in to return a signed HS256 JWT (header.payload.signature). Build it with new SignJWT(...).setProtectedHeader({ alg: "HS256" })…sign(SECRET).', {
      expected: 'eyJhbGciOiJIUzI1NiJ9.<payload>.<signature>',
      actual: login.token,
      kind: 'setup',
    });
  }
  return login;
}

const profile = (t: CheckContext, token: string) => send(t, { path: '/profile', headers: { authorization: `Bearer ${token}` } });

export default defineChecks({
  checks: [
    {
      id: 'token-is-signed-jwt',
      title: 'Log-in returns an HS256 JWT signed with JWT_SECRET, its subject the user id',
      hint: "import { SignJWT } from 'jose'; new SignJWT({ username }).setProtectedHeader({ alg: 'HS256' }).setSubject(String(user.id)).sign(key) — with the key read from process.env.JWT_SECRET.",
      timeoutMs: SCRYPT_HEAVY_MS,
      env: { JWT_SECRET: CHECK_SECRET },
      run: async (t) => {
        const { token, parts, claims } = await logIn(t);
        const header = decodeJson(parts[0]);
        t.expectTrue(parts.length === 3 && header?.alg === 'HS256', 'The token must be a signed JWT: three base64url parts (header.payload.signature) with "alg": "HS256". Build it with new SignJWT(...).setProtectedHeader({ alg: "HS256" })…sign(key).', {
          expected: 'eyJhbGciOiJIUzI1NiJ9.<payload>.<signature>',
          actual: token,
        });
        const expected = await hmac('HS256', CHECK_SECRET, `${parts[0]}.${parts[1]}`);
        t.expectTrue(parts[2] === expected, 'The token is not signed with the key in the JWT_SECRET environment variable. Read the key from process.env.JWT_SECRET (new TextEncoder().encode(...)), not from a string in the code.', {
          actual: token,
        });
        t.expectTrue(typeof claims.sub === 'string' && claims.sub !== '', 'The JWT\'s "sub" (subject) claim must be the user\'s id as a string: .setSubject(String(user.id)).', {
          actual: JSON.stringify(claims),
        });
      },
    },
    {
      id: 'token-expires',
      title: 'The token expires within an hour',
      hint: ".setIssuedAt().setExpirationTime('15m') adds iat and exp claims.",
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { claims } = await requireJwt(t);
        const now = (await t.clock.now()) / 1000;
        const exp = claims.exp;
        t.expectTrue(typeof exp === 'number' && exp > now && exp - now <= 3600, 'Give the token an "exp" claim between now and one hour from now (15 minutes is common): .setExpirationTime("15m"). A token without expiry works forever once stolen.', {
          expected: `exp between ${Math.round(now)} and ${Math.round(now + 3600)}`,
          actual: JSON.stringify(claims),
        });
      },
    },
    {
      id: 'profile-accepts-token',
      title: 'GET /profile accepts the token from log-in',
      hint: "const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] }); return payload;",
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { token, username } = await requireJwt(t);
        const res = await profile(t, token);
        t.expectTrue(res.status === 200 && body(res).username === username, 'GET /profile with "Authorization: Bearer <token from log-in>" must answer 200 and the user. Make verifyToken return the verified payload.', {
          expected: `200 {"username":"${username}",…}`,
          actual: describe(res),
        });
      },
    },
    {
      id: 'tampered-token-rejected',
      title: 'A token whose payload was changed is rejected',
      hint: 'Decoding is not verifying. jwtVerify recomputes the signature over header.payload and throws when it does not match.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { parts, claims } = await requireJwt(t);
        const forged = [parts[0], encodeJson({ ...claims, sub: '1', username: 'admin' }), parts[2]].join('.');
        const res = await profile(t, forged);
        t.expectTrue(res.status === 401, 'A token with its payload edited (sub changed to "1") was accepted — anyone could become any user. verifyToken must check the signature with jwtVerify(token, key).', {
          expected: '401',
          actual: describe(res),
        });
      },
    },
    {
      id: 'algorithm-pinned',
      title: 'Only HS256 is accepted: the same claims signed with HS512 and the same secret are refused',
      hint: "Pass { algorithms: ['HS256'] } to jwtVerify, so the token's own header cannot choose how it is checked.",
      timeoutMs: SCRYPT_HEAVY_MS,
      env: { JWT_SECRET: CHECK_SECRET },
      run: async (t) => {
        const { claims } = await requireJwt(t);
        const same = await profile(t, await sign('HS256', CHECK_SECRET, claims));
        if (same.status !== 200) {
          throw new CheckFailure('this check re-signs your token\'s claims with JWT_SECRET and needs GET /profile to accept that (sign and verify with the key from process.env.JWT_SECRET).', { actual: describe(same), kind: 'setup' });
        }
        const hs512 = await profile(t, await sign('HS512', CHECK_SECRET, claims));
        t.expectTrue(hs512.status === 401, 'A token signed with HS512 was accepted although this API issues HS256: verifyToken lets the token\'s header choose the algorithm. Pin it: jwtVerify(token, key, { algorithms: ["HS256"] }).', {
          expected: '401',
          actual: describe(hs512),
        });
      },
    },
    {
      id: 'expired-token-rejected',
      title: 'A token works until its exp, and not after',
      hint: 'jwtVerify checks "exp" against the current time — do not widen it with a large clockTolerance.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { token, claims } = await requireJwt(t);
        const exp = claims.exp;
        if (typeof exp !== 'number') throw new CheckFailure('this check needs the token to carry an "exp" claim (.setExpirationTime("15m")).', { actual: JSON.stringify(claims), kind: 'setup' });
        const untilExpiry = exp * 1000 - (await t.clock.now());
        await t.clock.advance(Math.max(0, untilExpiry - 30_000));
        const before = await profile(t, token);
        t.expectTrue(before.status === 200, 'The token was refused 30 seconds before its "exp". Let jwtVerify judge expiry from the token itself.', { expected: '200', actual: describe(before) });
        await t.clock.advance(31_000 + 1000);
        const after = await profile(t, token);
        t.expectTrue(after.status === 401, 'The token still worked after its "exp" had passed. Verify with jwtVerify and no (or a small) clockTolerance: expired tokens must get 401.', {
          expected: '401',
          actual: describe(after),
        });
      },
    },
    {
      id: 'garbage-token-401',
      title: 'A malformed token gets 401, not a crash',
      run: async (t) => {
        const res = await profile(t, 'not-a-jwt');
        t.expectEqual(res.status, 401, 'GET /profile with "Bearer not-a-jwt" must answer 401: catch the error verifyToken throws.');
      },
    },
    {
      id: 'no-secret-in-code',
      title: 'Without JWT_SECRET there is no fixed key: tokens do not survive a restart, or the server does not start',
      hint: 'Delete any `?? "some secret"` fallback. Without JWT_SECRET, use randomBytes(32) for this run (development) or refuse to start.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const noSecret = { env: { JWT_SECRET: null, NODE_ENV: null } };
        try {
          await t.restartServer(noSecret);
        } catch (error) {
          // Refusing to start without a secret, even in development, is stricter and fine.
          if (isServerDown(error)) return t.restartServer();
          throw error;
        }
        const { token, claims } = await logIn(t);
        const old = await profile(t, await sign('HS256', OLD_FALLBACK, claims));
        t.expectTrue(old.status === 401, `A token signed with "${OLD_FALLBACK}" was accepted: that key is in the code, so anyone can sign tokens for any user. Read the key only from process.env.JWT_SECRET.`, { expected: '401', actual: describe(old) });
        await t.restartServer(noSecret);
        const after = await profile(t, token);
        await t.restartServer();
        t.expectTrue(after.status === 401, 'Without JWT_SECRET a token from before a restart still works, so the key is written in the code and everyone who can read the code can sign tokens. Read the key from process.env.JWT_SECRET; without it use a random key for this run (randomBytes(32)) or refuse to start.', {
          expected: '401 after a restart without JWT_SECRET',
          actual: describe(after),
        });
      },
    },
    {
      id: 'production-needs-secret',
      title: 'With NODE_ENV=production and no JWT_SECRET the server refuses to start, naming the variable',
      hint: "if (!process.env.JWT_SECRET && process.env.NODE_ENV === 'production') throw new Error('JWT_SECRET is not set')",
      timeoutMs: 30_000,
      run: async (t) => {
        let started = true;
        try {
          // As production starts it: no SCRYPT_LOG_N either (passwords.js refuses a lowered cost there).
          await t.restartServer({ env: { JWT_SECRET: null, NODE_ENV: 'production', SCRYPT_LOG_N: null } });
        } catch (error) {
          if (!isServerDown(error)) throw error;
          started = false;
        }
        const output = t.serverOutput();
        await t.restartServer();
        t.expectTrue(!started, 'In production the server started without JWT_SECRET, signing with a key nobody configured. Fail fast: when NODE_ENV is "production" and JWT_SECRET is missing, throw at start-up.', {
          expected: 'the server exits at start-up',
          actual: 'it started and listened',
        });
        t.expectTrue(output.includes('JWT_SECRET'), 'The server stopped, but its message does not say why. Name the missing variable, e.g. throw new Error("JWT_SECRET is not set").', { actual: output.slice(-500) });
      },
    },
  ],
});
