// How passwords are stored. Right now they are stored as they are typed: anyone who gets a
// copy of data.sqlite (a backup, a leaked laptop, an SQL injection) reads every password.

/** What to store for `password`. */
export async function hashPassword(password) {
  // TODO: return a salted scrypt hash instead, e.g. "scrypt$<salt hex>$<hash hex>".
  return password;
}

/** Whether `password` is the one `stored` was made from. */
export async function verifyPassword(password, stored) {
  // TODO: recompute the hash with the salt found in `stored` and compare in constant time.
  return password === stored;
}
