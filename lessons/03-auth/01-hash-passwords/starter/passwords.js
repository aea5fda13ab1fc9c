// How passwords are stored. Right now they are stored as they are typed: anyone who gets a
// copy of data.sqlite (a backup, a leaked laptop, an SQL injection) reads every password.

/** What to store for `password`. */
export async function hashPassword(password) {
  // TODO: return a salted scrypt hash that records its cost:
  // "scrypt$<N>$<r>$<p>$<salt hex>$<hash hex>", with N = 2^17, r = 8, p = 1.
  return password;
}

/** Whether `password` is the one `stored` was made from (`stored` undefined: no such user). */
export async function verifyPassword(password, stored) {
  // TODO: recompute the hash with the salt and cost found in `stored` and compare in constant
  // time. When `stored` is undefined, still spend the time of one scrypt, then answer false.
  return password === stored;
}
