import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';
import { body, describe, queryRows, send, uniqueName } from '../../_support/checks.ts';
import { reusedUser } from '../_support/reused-user.ts';
import { parseRecord, recomputable, recomputes, weakCost, type PasswordRecord } from '../_support/password-record.ts';

const PASSWORD = 'correct horse battery staple';
/**
 * Checks that sign up and log in: at OWASP's cost one scrypt takes 0.1–0.3 s on a quiet
 * machine and several seconds in a busy browser tab, and recomputing one in the checker as long.
 */
const SCRYPT_HEAVY_MS = 60_000;

/**
 * This run's user, signed up once: every sign-up and log-in costs a full scrypt, so the checks
 * share one account (and a second one where two are needed).
 */
const user = (t: CheckContext, prefix = 'ada') => reusedUser(t, prefix, PASSWORD);

async function storedValue(t: CheckContext, username: string): Promise<string> {
  const rows = await queryRows(t, 'data.sqlite', 'SELECT password_hash FROM users WHERE username = ?', [username]);
  t.expectTrue(rows.length === 1, `No row for "${username}" in users after sign-up. Keep inserting the user with run(...) from db.js so data.sqlite is saved.`);
  return String(rows[0]?.[0]);
}

/** This run's user's stored value, read as a record (fails the check when it is not one). */
async function storedRecord(t: CheckContext): Promise<{ stored: string; record: PasswordRecord }> {
  const username = await user(t);
  const stored = await storedValue(t, username);
  const record = parseRecord(stored);
  if (typeof record === 'string') {
    return t.fail(`The stored value cannot be read back: ${record}. hashPassword must return the cost it used with the salt and the hash, e.g. \`scrypt$131072$8$1$<salt hex>$<hash hex>\`, so verifyPassword (and a later, stronger cost) can recompute it.`, {
      expected: 'scrypt$131072$8$1$<32 hex digits>$<128 hex digits>',
      actual: stored,
    });
  }
  return { stored, record };
}

export default defineChecks({
  checks: [
    {
      id: 'no-plaintext',
      title: 'The database never contains the password itself',
      hint: 'hashPassword must return something computed from the password, never the password. Start with scrypt(password, salt, 64, …) from node:crypto.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const username = await user(t);
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
      id: 'records-cost',
      title: 'The stored value records its cost, salt and hash: scrypt$N$r$p$salt$hash',
      hint: "['scrypt', N, r, p, salt.toString('hex'), hash.toString('hex')].join('$') — a 16-byte salt and a 64-byte hash.",
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { stored, record } = await storedRecord(t);
        t.expectTrue(record.salt.length >= 16 && record.hash.length >= 32, 'The salt must be at least 16 random bytes (randomBytes(16)) and the hash at least 32 bytes (ask scrypt for 64).', {
          expected: 'scrypt$131072$8$1$<32 hex digits or more>$<64 hex digits or more>',
          actual: stored,
        });
      },
    },
    {
      id: 'owasp-cost',
      title: "The recorded cost is at least OWASP's minimum (N = 2^17, r = 8, p = 1)",
      hint: "scrypt(password, salt, 64, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 }) — Node's default N is 16384, eight times too cheap, and without maxmem Node refuses the 128 MiB N = 2^17 needs.",
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { stored, record } = await storedRecord(t);
        const weak = weakCost(record);
        t.expectTrue(weak === undefined, `The hash is too cheap to slow down an attacker (${weak}). Pass { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } to scrypt and record those numbers.`, {
          expected: 'scrypt$131072$8$1$…',
          actual: stored,
        });
      },
    },
    {
      id: 'really-scrypt',
      title: 'Recomputing scrypt from the password, the salt and the recorded cost gives the stored hash',
      hint: 'Whatever the label says, the checker recomputes scrypt(password, salt, N, r, p). A SHA-256, base64, or a hash made at another cost than the one recorded does not match.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { stored, record } = await storedRecord(t);
        if (!recomputable(record)) {
          return t.fail('The checker recomputes your hash at the cost you recorded, and can afford up to twice OWASP\'s minimum (N a power of two, N · r · p at most 2^17 · 8 · 2). Use OWASP\'s values: N = 131072, r = 8, p = 1.', { actual: stored });
        }
        t.expectTrue(await recomputes(record, PASSWORD), 'The stored hash is not scrypt of the password with the recorded salt and cost — a fast hash (SHA-256), an encoding (base64), or scrypt at another cost than the one written down. Compute it with scrypt(password, salt, 64, { N, r, p, maxmem }) and store exactly those N, r, p.', {
          expected: 'scrypt(password, salt, N, r, p) as recorded',
          actual: stored,
        });
      },
    },
    {
      id: 'salted',
      title: 'Two users with the same password get different stored values',
      hint: 'Generate a fresh salt for every call: randomBytes(16). Store it next to the hash, because verifyPassword needs it.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const first = await user(t);
        const second = await user(t, 'margaret');
        const a = await storedValue(t, first);
        const b = await storedValue(t, second);
        const saltOf = (stored: string) => stored.split('$')[4];
        t.expectTrue(a !== b && saltOf(a) !== saltOf(b), 'Two users with the same password got the same salt (or the same stored value), so one cracked hash cracks both and precomputed tables work. Make a fresh random salt per call (randomBytes(16)) and store it with the hash.', {
          actual: `${first}: ${a}\n${second}: ${b}`,
        });
      },
    },
    {
      id: 'login-right-password',
      title: 'Log-in works with the right password',
      hint: 'verifyPassword must split the stored value, recompute scrypt with the same salt and the recorded N, r, p (and maxmem), and compare with timingSafeEqual.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const username = await user(t);
        const res = await send(t, { method: 'POST', path: '/login', json: { username, password: PASSWORD } });
        t.expectTrue(res.status === 200 && body(res).username === username, 'POST /login with the right password must answer 200. Make verifyPassword recompute the hash with the stored salt and the stored cost, and compare it.', {
          expected: `200 {"username":"${username}",…}`,
          actual: describe(res),
        });
      },
    },
    {
      id: 'login-wrong-password',
      title: 'Log-in is refused with a wrong password',
      hint: 'verifyPassword is async: `await` it. A Promise is always truthy.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const username = await user(t);
        const res = await send(t, { method: 'POST', path: '/login', json: { username, password: 'correct horse battery stapler' } });
        t.expectEqual(res.status, 401, 'POST /login with a wrong password must answer 401. Check that verifyPassword returns false when the hashes differ, and that POST /login awaits it.');
      },
    },
    {
      id: 'unknown-user-same-time',
      title: 'An unknown username takes as long to refuse as a wrong password',
      hint: 'In POST /login call verifyPassword(password, user?.password_hash) before looking at `user`, and make verifyPassword hash against a dummy record when there is none.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const username = await user(t);
        // Two of each, interleaved, compared by their fastest: a busy machine only ever makes a
        // request slower, so one stalled wrong-password answer must not make a correct server fail.
        const wrongTimes: number[] = [];
        const unknownTimes: number[] = [];
        for (let round = 0; round < 2; round++) {
          const wrong = await send(t, { method: 'POST', path: '/login', json: { username, password: 'not the password' } });
          t.expectEqual(wrong.status, 401, 'POST /login with a wrong password must answer 401.');
          wrongTimes.push(wrong.durationMs);
          const unknown = await send(t, { method: 'POST', path: '/login', json: { username: uniqueName('nobody'), password: 'not the password' } });
          t.expectEqual(unknown.status, 401, 'POST /login with an unknown username must answer 401, like a wrong password.');
          unknownTimes.push(unknown.durationMs);
        }
        const wrongMs = Math.min(...wrongTimes);
        const unknownMs = Math.min(...unknownTimes);
        // Generous: a dummy scrypt makes both about equal; skipping it makes the unknown name ~100× faster.
        t.expectTrue(unknownMs >= wrongMs / 4, 'An unknown username is refused much faster than a wrong password, so an attacker can time which usernames exist. Run scrypt in both cases: verifyPassword(password, user?.password_hash), with a dummy hash when there is no user.', {
          expected: `about ${wrongMs} ms (the fastest of two wrong passwords)`,
          actual: `${unknownMs} ms (the fastest of two unknown usernames)`,
        });
      },
    },
    {
      id: 'constant-time-compare',
      title: 'verifyPassword compares hashes with timingSafeEqual',
      hint: "import { timingSafeEqual } from 'node:crypto'; return timingSafeEqual(actual, expected);",
      file: {
        path: 'passwords.js',
        contains: [/\btimingSafeEqual\s*\(/],
        maskStrings: true,
        message: 'Compare the recomputed hash with the stored one using timingSafeEqual(actual, expected) from node:crypto: === stops at the first differing byte, and that timing leaks how close a guess was.',
      },
    },
  ],
});
