import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';
import { body, describe, send, signUp, uniqueName } from '../../_support/checks.ts';

const PASSWORD = 'correct horse battery staple';
/** Time limit for checks that sign up and log in several users: scrypt is slow on purpose, slower in a browser runtime. */
const SCRYPT_HEAVY_MS = 15000;
/** The fallback secret in the starter's tokens.js. */
const DEV_SECRET = 'playground-dev-secret-change-me-in-production';

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const encodeJson = (value: unknown) => b64url(new TextEncoder().encode(JSON.stringify(value)));

function decodeJson(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const text = atob((part ?? '').replace(/-/g, '+').replace(/_/g, '/'));
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** An HS256 JWT signed with the lesson's dev secret, built without the learner's code. */
async function forgeWithDevSecret(claims: Record<string, unknown>): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(DEV_SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const unsigned = `${encodeJson({ alg: 'HS256', typ: 'JWT' })}.${encodeJson(claims)}`;
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(unsigned)));
  return `${unsigned}.${b64url(signature)}`;
}

interface Login {
  id: number;
  username: string;
  token: string;
  parts: string[];
}

async function logIn(t: CheckContext): Promise<Login> {
  const username = uniqueName('ada');
  const created = await signUp(t, username, PASSWORD);
  const res = await send(t, { method: 'POST', path: '/login', json: { username, password: PASSWORD } });
  const token = body(res).token;
  if (res.status !== 200 || typeof token !== 'string') return t.fail('POST /login must answer 200 with {"token": "<jwt>"}.', { actual: describe(res) });
  return { id: Number(body(created).id), username, token, parts: token.split('.') };
}

async function requireJwt(t: CheckContext): Promise<Login> {
  const login = await logIn(t);
  const header = decodeJson(login.parts[0]);
  t.expectTrue(login.parts.length === 3 && header?.alg === 'HS256', 'The token must be a signed JWT: three base64url parts (header.payload.signature) with "alg": "HS256". Build it with new SignJWT(...).setProtectedHeader({ alg: "HS256" })…sign(SECRET).', {
    expected: 'eyJhbGciOiJIUzI1NiJ9.<payload>.<signature>',
    actual: login.token,
  });
  return login;
}

const profile = (t: CheckContext, token: string) => send(t, { path: '/profile', headers: { authorization: `Bearer ${token}` } });

export default defineChecks({
  checks: [
    {
      id: 'token-is-signed-jwt',
      title: 'Log-in returns a signed HS256 JWT',
      hint: "import { SignJWT } from 'jose'; new SignJWT({ username }).setProtectedHeader({ alg: 'HS256' }).setSubject(String(user.id)).sign(SECRET)",
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { parts, id } = await requireJwt(t);
        const claims = decodeJson(parts[1]);
        t.expectTrue(claims?.sub === String(id), 'The JWT\'s "sub" (subject) claim must be the user\'s id as a string: .setSubject(String(user.id)).', {
          expected: `"sub": "${id}"`,
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
        const { parts } = await requireJwt(t);
        const claims = decodeJson(parts[1]) ?? {};
        const now = Date.now() / 1000;
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
      hint: "const { payload } = await jwtVerify(token, SECRET, { algorithms: ['HS256'] }); return payload;",
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
        const { parts } = await requireJwt(t);
        const claims = decodeJson(parts[1]) ?? {};
        const forged = [parts[0], encodeJson({ ...claims, sub: '1', username: 'admin' }), parts[2]].join('.');
        const res = await profile(t, forged);
        t.expectTrue(res.status === 401, 'A token with its payload edited (sub changed to "1") was accepted — anyone could become any user. verifyToken must check the signature with jwtVerify(token, SECRET).', {
          expected: '401',
          actual: describe(res),
        });
      },
    },
    {
      id: 'alg-none-rejected',
      title: 'An unsigned token ("alg": "none") is rejected',
      hint: "Pass { algorithms: ['HS256'] } to jwtVerify so the token cannot choose a weaker algorithm.",
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { id } = await requireJwt(t);
        const now = Math.floor(Date.now() / 1000);
        const unsigned = `${encodeJson({ alg: 'none', typ: 'JWT' })}.${encodeJson({ sub: String(id), iat: now, exp: now + 600 })}.`;
        const res = await profile(t, unsigned);
        t.expectTrue(res.status === 401, 'A token with "alg": "none" and no signature was accepted. Verify with jwtVerify(token, SECRET, { algorithms: ["HS256"] }).', {
          expected: '401',
          actual: describe(res),
        });
      },
    },
    {
      id: 'expired-token-rejected',
      title: 'An expired token is rejected',
      hint: 'jwtVerify checks "exp" for you — as long as you use it and keep the dev secret fallback in tokens.js.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { id } = await requireJwt(t);
        const now = Math.floor(Date.now() / 1000);
        const fresh = await profile(t, await forgeWithDevSecret({ sub: String(id), iat: now, exp: now + 600 }));
        t.expectTrue(fresh.status === 200, 'A valid token signed with the dev secret from tokens.js was refused, so this check cannot test expiry. Keep the fallback secret "playground-dev-secret-change-me-in-production" and verify with jwtVerify.', {
          actual: describe(fresh),
        });
        const expired = await profile(t, await forgeWithDevSecret({ sub: String(id), iat: now - 3600, exp: now - 60 }));
        t.expectTrue(expired.status === 401, 'A token that expired a minute ago was accepted. Verify with jwtVerify, which rejects tokens past their "exp".', {
          expected: '401',
          actual: describe(expired),
        });
      },
    },
    {
      id: 'garbage-token-401',
      title: 'A malformed token gets 401, not a crash',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const res = await profile(t, 'not-a-jwt');
        t.expectEqual(res.status, 401, 'GET /profile with "Bearer not-a-jwt" must answer 401: catch the error verifyToken throws.');
      },
    },
  ],
});
