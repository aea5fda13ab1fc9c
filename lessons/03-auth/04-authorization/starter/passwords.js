// How passwords are stored: scrypt, a deliberately slow and memory-hungry hash, with a random
// salt per user. The stored text records the cost it was made with —
// "scrypt$<N>$<r>$<p>$<salt hex>$<hash hex>" — so the cost can be raised later without
// locking out anyone whose password was hashed at the old one.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt);
const KEY_LENGTH = 64;
// OWASP's minimum for scrypt: N = 2^17 (CPU/memory cost), r = 8 (block size), p = 1.
// SCRYPT_LOG_N lowers N for tests: the playground starts this server with SCRYPT_LOG_N=12
// (N = 4096) because its checks sign up and log in dozens of times. Never in production.
const LOG_N = Number(process.env.SCRYPT_LOG_N ?? 17);
if (!Number.isInteger(LOG_N) || LOG_N < 10 || LOG_N > 20) {
  throw new Error(`SCRYPT_LOG_N must be a whole number from 10 to 20 (got "${process.env.SCRYPT_LOG_N}")`);
}
if (LOG_N < 17 && process.env.NODE_ENV === 'production') {
  throw new Error('SCRYPT_LOG_N below 17 is for tests only: production hashes at OWASP\'s cost (unset it)');
}
const COST = { N: 2 ** LOG_N, r: 8, p: 1 };
// scrypt needs 128 · N · r bytes (128 MiB at 2^17); Node refuses more than 32 MiB unless told.
const MAX_MEMORY = 256 * 1024 * 1024;

/** What to store for `password`. */
export async function hashPassword(password) {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, KEY_LENGTH, { ...COST, maxmem: MAX_MEMORY });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('hex'), hash.toString('hex')].join('$');
}

// Compared against when the username does not exist: that answer costs one scrypt too, so
// response times do not reveal which usernames exist. No password hashes to 64 zero bytes.
const DUMMY_HASH = ['scrypt', COST.N, COST.r, COST.p, '00'.repeat(16), '00'.repeat(KEY_LENGTH)].join('$');

/** Whether `password` is the one `stored` was made from (`stored` undefined: no such user, always false). */
export async function verifyPassword(password, stored = DUMMY_HASH) {
  const [scheme, N, r, p, saltHex, hashHex] = String(stored).split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  // Recompute with the cost recorded in `stored`, not today's: old hashes keep working.
  const cost = { N: Number(N), r: Number(r), p: Number(p), maxmem: MAX_MEMORY };
  const actual = await scryptAsync(password, Buffer.from(saltHex, 'hex'), expected.length, cost);
  // timingSafeEqual takes as long for a near miss as for a total miss: no hints from timing.
  return timingSafeEqual(actual, expected);
}
