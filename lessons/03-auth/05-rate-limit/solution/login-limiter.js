// Remembers failed log-in attempts per username, so a password cannot be guessed by trying
// thousands of them. Plain memory is fine for one server process; several processes would
// share the counts in something like Redis.

export const MAX_FAILURES = 5;
export const WINDOW_SECONDS = 15 * 60;

/** key → { count, windowEndsAt (ms) }: failures in the window that started at the first one. */
const failures = new Map();

function current(key, now) {
  const entry = failures.get(key);
  if (entry && now >= entry.windowEndsAt) {
    failures.delete(key);
    return undefined;
  }
  return entry;
}

/** 0 when `key` may try to log in now; otherwise how many seconds until it may. */
export function secondsUntilAllowed(key, now = Date.now()) {
  const entry = current(key, now);
  if (!entry || entry.count < MAX_FAILURES) return 0;
  return Math.ceil((entry.windowEndsAt - now) / 1000);
}

/** Counts one failed attempt for `key`. */
export function recordFailure(key, now = Date.now()) {
  const entry = current(key, now);
  if (entry) entry.count += 1;
  else failures.set(key, { count: 1, windowEndsAt: now + WINDOW_SECONDS * 1000 });
}

/** A successful log-in: forget the failures of `key`. */
export function recordSuccess(key) {
  failures.delete(key);
}
