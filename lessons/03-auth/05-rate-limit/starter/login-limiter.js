// Counts failed log-ins, so passwords cannot be guessed by trying thousands of them: per
// username (an account lock-out) and per IP address (against password spraying). Plain memory
// is fine for one server process; several processes would share the counts in something like
// Redis.

export const MAX_FAILURES = 5;
export const MAX_FAILURES_PER_IP = 10;
export const WINDOW_MS = 15 * 60 * 1000;
/** At most this many keys are remembered: an attacker can invent usernames without end. */
export const MAX_TRACKED = 10_000;

/** key → { count, windowEndsAt (ms) }, e.g. "user:ada" or "ip:127.0.0.1". */
const failures = new Map();

/** How many keys are tracked now (for monitoring, and the memory test). */
export function trackedCount() {
  return failures.size;
}

/** 0 when this username may try to log in from this address now; otherwise the seconds until it may. */
export function secondsUntilAllowed(username, ip, now = Date.now()) {
  // TODO
  return 0;
}

/** Counts one failed attempt for this username and this address. */
export function recordFailure(username, ip, now = Date.now()) {
  // TODO
}

/** A successful log-in: forget the username's failures. */
export function recordSuccess(username) {
  // TODO
}
