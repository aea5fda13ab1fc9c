// Remembers failed log-in attempts per username, so a password cannot be guessed by trying
// thousands of them. Plain memory is fine for one server process; several processes would
// share the counts in something like Redis.

export const MAX_FAILURES = 5;
export const WINDOW_SECONDS = 15 * 60;

/** 0 when `key` may try to log in now; otherwise how many seconds until it may. */
export function secondsUntilAllowed(key) {
  // TODO
  return 0;
}

/** Counts one failed attempt for `key`. */
export function recordFailure(key) {
  // TODO
}

/** A successful log-in: forget the failures of `key`. */
export function recordSuccess(key) {
  // TODO
}
