// Counts failed log-ins, so passwords cannot be guessed by trying thousands of them. Two keys:
// the username (an account lock-out: five failures in a row lock it for the rest of a
// 15-minute window) and the client's IP address (ten failures in the window, whatever the
// usernames, stop password spraying: one common password tried against many accounts).
// Plain memory is fine for one server process; several processes would share the counts in
// something like Redis.

export const MAX_FAILURES = 5;
export const MAX_FAILURES_PER_IP = 10;
export const WINDOW_MS = 15 * 60 * 1000;
/** At most this many keys are remembered: an attacker can invent usernames without end. */
export const MAX_TRACKED = 10_000;

/** key → { count, windowEndsAt (ms) }. Insertion order is window order: oldest first. */
const failures = new Map();

/** How many keys are tracked now (for monitoring, and the memory test). */
export function trackedCount() {
  return failures.size;
}

/** Drops windows that have ended; they sit at the front, because windows all have one length. */
function forgetEnded(now) {
  for (const [key, entry] of failures) {
    if (now < entry.windowEndsAt) break;
    failures.delete(key);
  }
}

function secondsLeft(key, limit, now) {
  const entry = failures.get(key);
  if (!entry || entry.count < limit || now >= entry.windowEndsAt) return 0;
  return entry.windowEndsAt - now;
}

/** 0 when this username may try to log in from this address now; otherwise the seconds until it may. */
export function secondsUntilAllowed(username, ip, now = Date.now()) {
  forgetEnded(now);
  return Math.max(secondsLeft(`user:${username}`, MAX_FAILURES, now), secondsLeft(`ip:${ip}`, MAX_FAILURES_PER_IP, now));
}

function countFailure(key, now) {
  const entry = failures.get(key);
  if (entry && now < entry.windowEndsAt) {
    entry.count += 1;
    return;
  }
  failures.delete(key);
  // Full: forget the oldest window rather than grow without bound.
  if (failures.size >= MAX_TRACKED) failures.delete(failures.keys().next().value);
  failures.set(key, { count: 1, windowEndsAt: now + WINDOW_MS });
}

/** Counts one failed attempt for this username and this address. */
export function recordFailure(username, ip, now = Date.now()) {
  forgetEnded(now);
  countFailure(`user:${username}`, now);
  countFailure(`ip:${ip}`, now);
}

/** A successful log-in: forget the username's failures (the address's stay: spraying continues). */
export function recordSuccess(username) {
  failures.delete(`user:${username}`);
}
