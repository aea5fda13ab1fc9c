import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';
import { body, describe, queryRows, send, signUp as signUpWith, uniqueName } from '../../_support/checks.ts';

const PASSWORD = 'correct horse battery staple';
/** Time limit for checks that sign up and log in several users: scrypt is slow on purpose, slower in a browser runtime. */
const SCRYPT_HEAVY_MS = 15000;

const signUp = (t: CheckContext, username: string) => signUpWith(t, username, PASSWORD);

async function storedValue(t: CheckContext, username: string): Promise<string> {
  const rows = await queryRows(t, 'data.sqlite', 'SELECT password_hash FROM users WHERE username = ?', [username]);
  t.expectTrue(rows.length === 1, `No row for "${username}" in users after sign-up. Keep inserting the user with run(...) from db.js so data.sqlite is saved.`);
  return String(rows[0]?.[0]);
}

/** Hex and base64 of a fast hash: what an unsalted "hash" of the password would look like. */
async function fastHashes(password: string): Promise<string[]> {
  const data = new TextEncoder().encode(password);
  const out: string[] = [];
  for (const algorithm of ['SHA-1', 'SHA-256', 'SHA-512']) {
    const bytes = new Uint8Array(await crypto.subtle.digest(algorithm, data));
    out.push([...bytes].map((b) => b.toString(16).padStart(2, '0')).join(''));
    out.push(btoa(String.fromCharCode(...bytes)));
  }
  return out;
}

export default defineChecks({
  checks: [
    {
      id: 'no-plaintext',
      title: 'The database never contains the password itself',
      hint: 'hashPassword must return something computed from the password, never the password. Start with crypto.scrypt(password, salt, 64).',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const username = uniqueName('ada');
        await signUp(t, username);
        const rows = await queryRows(t, 'data.sqlite', 'SELECT * FROM users WHERE username = ?', [username]);
        const row = rows[0];
        if (rows.length !== 1 || !row) return t.fail(`No row for "${username}" in users after sign-up. Keep inserting with run(...) from db.js.`);
        const leaked = row.some((cell) => typeof cell === 'string' && cell.toLowerCase().includes(PASSWORD));
        t.expectTrue(!leaked, 'The users row contains the password as typed. Make hashPassword return a scrypt hash of it instead (see passwords.js).', {
          expected: 'no column containing "correct horse battery staple"',
          actual: JSON.stringify(row),
        });
      },
    },
    {
      id: 'not-a-fast-hash',
      title: 'The stored value is not a plain SHA hash of the password',
      hint: 'A SHA-256 of a password is cracked in seconds with precomputed tables. Use scrypt, which is slow on purpose, with a salt.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const username = uniqueName('grace');
        await signUp(t, username);
        const stored = await storedValue(t, username);
        const hit = (await fastHashes(PASSWORD)).find((h) => stored.includes(h));
        t.expectTrue(hit === undefined, 'The stored value contains a plain SHA hash of the password — the same for everyone with that password, and fast to crack. Use scrypt with a random salt.', {
          actual: stored,
        });
      },
    },
    {
      id: 'salted',
      title: 'Two users with the same password get different stored values',
      hint: 'Generate a fresh salt for every call: randomBytes(16). Store it next to the hash, e.g. "scrypt$<salt>$<hash>", because verifyPassword needs it.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const first = uniqueName('linus');
        const second = uniqueName('margaret');
        await signUp(t, first);
        await signUp(t, second);
        const a = await storedValue(t, first);
        const b = await storedValue(t, second);
        t.expectTrue(a !== b, 'Two users with the same password got the same stored value, so one cracked hash cracks both. Add a random salt per user (randomBytes(16)) and store it with the hash.', {
          actual: `${first}: ${a}\n${second}: ${b}`,
        });
        t.expectTrue(a.length >= 40, 'The stored value is too short to be a salt plus a scrypt hash. Store both, e.g. "scrypt$<salt hex>$<hash hex>" with a 64-byte key.', {
          actual: a,
        });
      },
    },
    {
      id: 'login-right-password',
      title: 'Log-in works with the right password',
      hint: 'verifyPassword must split the stored value, recompute scrypt(password, salt, 64) with the same salt and compare with timingSafeEqual.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const username = uniqueName('alan');
        await signUp(t, username);
        const res = await send(t, { method: 'POST', path: '/login', json: { username, password: PASSWORD } });
        t.expectTrue(res.status === 200 && body(res).username === username, 'POST /login with the right password must answer 200. Make verifyPassword recompute the hash with the stored salt and compare it.', {
          expected: `200 {"username":"${username}",…}`,
          actual: describe(res),
        });
      },
    },
    {
      id: 'login-wrong-password',
      title: 'Log-in is refused with a wrong password',
      hint: 'Compare the recomputed hash with the stored one; any difference means a wrong password (401).',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const username = uniqueName('barbara');
        await signUp(t, username);
        const res = await send(t, { method: 'POST', path: '/login', json: { username, password: 'correct horse battery stapler' } });
        t.expectEqual(res.status, 401, 'POST /login with a wrong password must answer 401. Check that verifyPassword returns false when the hashes differ (and does not throw).');
      },
    },
    {
      id: 'uses-scrypt',
      title: 'passwords.js hashes with node:crypto scrypt',
      hint: "import { scrypt, randomBytes, timingSafeEqual } from 'node:crypto';",
      file: {
        path: 'passwords.js',
        contains: [/\bscrypt(Sync)?\b/, /randomBytes/],
        message: 'Use scrypt from node:crypto for the hash and randomBytes for the salt in passwords.js.',
      },
    },
  ],
});
