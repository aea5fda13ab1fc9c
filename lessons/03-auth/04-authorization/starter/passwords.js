// How passwords are stored: scrypt, a deliberately slow hash, with a random salt per user.
// Stored as "scrypt$<salt hex>$<hash hex>" so verifyPassword finds the salt again.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt);
const KEY_LENGTH = 64;

/** What to store for `password`. */
export async function hashPassword(password) {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}

/** Whether `password` is the one `stored` was made from. */
export async function verifyPassword(password, stored) {
  const [scheme, saltHex, hashHex] = String(stored).split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await scryptAsync(password, Buffer.from(saltHex, 'hex'), expected.length);
  // timingSafeEqual takes as long for a near miss as for a total miss: no hints from timing.
  return timingSafeEqual(actual, expected);
}
