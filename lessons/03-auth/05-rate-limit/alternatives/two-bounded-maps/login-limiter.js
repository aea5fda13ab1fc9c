// The limiter written another way: one small class per kind of key, each with its own bounded
// Map, and explicit window starts instead of end times.

export const MAX_FAILURES = 5;
export const MAX_FAILURES_PER_IP = 10;
export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_TRACKED = 10_000;

class FailureCounter {
  constructor(limit, capacity) {
    this.limit = limit;
    this.capacity = capacity;
    this.entries = new Map();
  }

  live(key, now) {
    const entry = this.entries.get(key);
    if (entry && now - entry.startedAt >= WINDOW_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  wait(key, now) {
    const entry = this.live(key, now);
    if (!entry || entry.count < this.limit) return 0;
    return Math.ceil((entry.startedAt + WINDOW_MS - now) / 1000);
  }

  /** Entries sit in the order their windows started: ended ones are at the front. */
  forgetEnded(now) {
    for (const [key, entry] of this.entries) {
      if (now - entry.startedAt < WINDOW_MS) break;
      this.entries.delete(key);
    }
  }

  fail(key, now) {
    this.forgetEnded(now);
    const entry = this.live(key, now);
    if (entry) {
      entry.count++;
      return;
    }
    while (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value);
    this.entries.set(key, { count: 1, startedAt: now });
  }
}

const byUser = new FailureCounter(MAX_FAILURES, MAX_TRACKED / 2);
const byAddress = new FailureCounter(MAX_FAILURES_PER_IP, MAX_TRACKED / 2);

export function trackedCount() {
  return byUser.entries.size + byAddress.entries.size;
}

export function secondsUntilAllowed(username, ip, now = Date.now()) {
  return Math.max(byUser.wait(username, now), byAddress.wait(ip, now));
}

export function recordFailure(username, ip, now = Date.now()) {
  byUser.fail(username, now);
  byAddress.fail(ip, now);
}

export function recordSuccess(username) {
  byUser.entries.delete(username);
}
