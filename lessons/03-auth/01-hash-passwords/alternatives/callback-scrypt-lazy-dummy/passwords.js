// Password storage written another way: scrypt's callback wrapped in a Promise by hand, a
// 32-byte salt and key, the cost kept as named constants, and the dummy record made on first use.
import crypto from 'node:crypto';

const SCRYPT_N = 131072;
const SCRYPT_R = 8;
const SCRYPT_P = 1;

function deriveKey(password, salt, length, N, r, p) {
  return new Promise((resolve, reject) => {
    crypto.scrypt(password, salt, length, { N, r, p, maxmem: 2 * 128 * N * r }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** What to store for `password`. */
export async function hashPassword(password) {
  const salt = crypto.randomBytes(32);
  const key = await deriveKey(password, salt, 32, SCRYPT_N, SCRYPT_R, SCRYPT_P);
  return `scrypt$${SCRYPT_N}$${SCRYPT_R}$${SCRYPT_P}$${salt.toString('hex')}$${key.toString('hex')}`;
}

let dummy;

/** Whether `password` is the one `stored` was made from (`stored` undefined: no such user, always false). */
export async function verifyPassword(password, stored) {
  if (stored === undefined) {
    // Spend one scrypt anyway, so "no such user" is as slow as "wrong password".
    dummy ??= await hashPassword('no user has this password');
    await verifyPassword(password, dummy);
    return false;
  }
  const parts = String(stored).split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, N, r, p, saltHex, keyHex] = parts;
  const expected = Buffer.from(keyHex, 'hex');
  const actual = await deriveKey(password, Buffer.from(saltHex, 'hex'), expected.length, Number(N), Number(r), Number(p));
  return crypto.timingSafeEqual(actual, expected);
}
