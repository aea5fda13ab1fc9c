/**
 * Preloaded into every learner's server (`node --require ./.agent/clock-preload.cjs`): the
 * server's notion of time follows an offset the agent controls, so checks grade expiry,
 * windows and TTLs in milliseconds instead of waiting (see server-clock.ts, the agent's side).
 *
 * What follows the offset: `Date.now()`, `new Date()` and `Date()` without arguments, and the
 * due times of `setTimeout`/`setInterval` (global and `node:timers`): when the offset grows,
 * timers that came due fire at once, in due order, before the preload acknowledges the new
 * generation. What does not: `performance.now()` and `process.hrtime()` (monotonic durations
 * stay real), `node:timers/promises`, `AbortSignal.timeout`, and Node's own socket timers.
 *
 * The agent rewrites `.agent/clock.json`; this module re-reads it on a short unref'd poll (a
 * few bytes every POLL_MS; nothing per `Date.now()` call) and writes the generation it applied
 * to `.agent/clock-ack`. It must stay cheap: it is loaded into every server, checks or not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';
import timers from 'node:timers';
import { promisify } from 'node:util';
import { parseClockState } from './clock-state.ts';
import { CLOCK_ACK, CLOCK_STATE } from './workspace-paths.ts';

const POLL_MS = 10;
/** Node's own limit: longer delays are clamped (and re-armed until the due time is reached). */
const TIMEOUT_MAX = 2 ** 31 - 1;
/** A 1 ms interval advanced by a day would fire 86 million times: catch-up stops here. */
const MAX_CATCH_UP_FIRINGS = 10_000;

// The server's working directory at start is the workspace root (the agent spawns it there).
const stateFile = resolve(CLOCK_STATE);
const ackFile = resolve(CLOCK_ACK);

const RealDate = Date;
const realNow = Date.now;
const real = { setTimeout, clearTimeout, setInterval, clearInterval };

let offsetMs = 0;
let generation = -1;
let lastText = '';

function clockNow(): number {
  return realNow() + offsetMs;
}

globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [clockNow()] : args, newTarget) as object,
  // `Date()` called as a function returns the current time as a string.
  apply: () => new RealDate(clockNow()).toString(),
  get: (target, key, receiver) => (key === 'now' ? clockNow : Reflect.get(target, key, receiver)),
});

interface Entry {
  id: number;
  callback: (...args: unknown[]) => void;
  args: unknown[];
  delay: number;
  repeat: boolean;
  /** On the server's clock. */
  due: number;
  refed: boolean;
  handle: ClockTimeout;
  real: ReturnType<typeof real.setTimeout> | undefined;
}

const pending = new Map<number, Entry>();
let nextId = 1;

/** What `setTimeout` returns here: the shape of Node's Timeout, backed by a real timer re-armed whenever the clock moves. */
class ClockTimeout {
  constructor(readonly id: number) {}
  private get entry(): Entry | undefined {
    return pending.get(this.id);
  }
  ref(): this {
    return this.setRefed(true);
  }
  unref(): this {
    return this.setRefed(false);
  }
  /** Remembered on the entry so a timer re-armed after a clock jump keeps the learner's choice. */
  private setRefed(refed: boolean): this {
    const entry = this.entry;
    if (entry) {
      entry.refed = refed;
      if (refed) entry.real?.ref();
      else entry.real?.unref();
    }
    return this;
  }
  hasRef(): boolean {
    return this.entry?.refed ?? false;
  }
  refresh(): this {
    const entry = this.entry;
    if (entry) {
      entry.due = clockNow() + entry.delay;
      arm(entry);
    }
    return this;
  }
  close(): this {
    const entry = this.entry;
    if (entry) cancel(entry);
    return this;
  }
  [Symbol.toPrimitive](): number {
    return this.id;
  }
}

function normalizeDelay(delay: unknown): number {
  const ms = Number(delay);
  // Node's rule: anything not in [1, TIMEOUT_MAX] (NaN included) becomes 1.
  return ms >= 1 && ms <= TIMEOUT_MAX ? Math.trunc(ms) : 1;
}

function create(repeat: boolean, callback: unknown, delay: unknown, args: unknown[]): ClockTimeout {
  const id = nextId++;
  const handle = new ClockTimeout(id);
  const ms = normalizeDelay(delay);
  const entry: Entry = { id, callback: callback as Entry['callback'], args, delay: ms, repeat, due: clockNow() + ms, refed: true, handle, real: undefined };
  pending.set(id, entry);
  arm(entry);
  return handle;
}

function arm(entry: Entry): void {
  if (entry.real) real.clearTimeout(entry.real);
  const wait = Math.min(TIMEOUT_MAX, Math.max(1, entry.due - clockNow()));
  entry.real = real.setTimeout(() => {
    entry.real = undefined;
    // A clamped long delay, or a due time the clock moved away from: not yet.
    if (clockNow() < entry.due) arm(entry);
    else fire(entry, false);
  }, wait);
  if (!entry.refed) entry.real.unref();
}

function cancel(entry: Entry): void {
  if (entry.real) real.clearTimeout(entry.real);
  entry.real = undefined;
  pending.delete(entry.id);
}

/** Runs the callback as Node would (`this` is the handle); intervals come due again, catching up one period at a time. */
function fire(entry: Entry, catchingUp: boolean): void {
  if (entry.repeat) {
    entry.due = catchingUp ? entry.due + entry.delay : clockNow() + entry.delay;
  } else {
    pending.delete(entry.id);
  }
  // A throwing callback ends the server, as it would without the preload.
  entry.callback.apply(entry.handle, entry.args);
  if (entry.repeat && pending.has(entry.id) && !catchingUp) arm(entry);
}

function clearClockTimer(handle: unknown): void {
  if (handle instanceof ClockTimeout) handle.close();
  else if (typeof handle === 'number' || typeof handle === 'string') {
    const entry = pending.get(Number(handle));
    if (entry) cancel(entry);
  } else real.clearTimeout(handle as Parameters<typeof real.clearTimeout>[0]);
}

function clockSetTimeout(callback: unknown, delay?: unknown, ...args: unknown[]): ClockTimeout {
  // Node's own validation and error for a callback that is not a function.
  if (typeof callback !== 'function') return real.setTimeout(callback as () => void, 0) as unknown as ClockTimeout;
  return create(false, callback, delay, args);
}

function clockSetInterval(callback: unknown, delay?: unknown, ...args: unknown[]): ClockTimeout {
  if (typeof callback !== 'function') return real.setInterval(callback as () => void, 0) as unknown as ClockTimeout;
  return create(true, callback, delay, args);
}

// `promisify(setTimeout)(ms, value)`, as Node's own setTimeout supports it.
Object.defineProperty(clockSetTimeout, promisify.custom, {
  value: (delay?: unknown, value?: unknown) => new Promise((done) => clockSetTimeout(done, delay, value)),
});

/** Moves the clock; a forward move fires what came due and re-arms the rest for their new, shorter wait. */
function moveClock(nextOffset: number): void {
  const delta = nextOffset - offsetMs;
  offsetMs = nextOffset;
  if (delta < 0) {
    // Back to the real time (between checks): pending timers keep their remaining wait.
    for (const entry of pending.values()) entry.due += delta;
    return;
  }
  const now = clockNow();
  for (let firings = 0; firings < MAX_CATCH_UP_FIRINGS; firings++) {
    let next: Entry | undefined;
    for (const entry of pending.values()) if (entry.due <= now && (!next || entry.due < next.due)) next = entry;
    if (!next) break;
    if (next.real) real.clearTimeout(next.real);
    next.real = undefined;
    fire(next, true);
  }
  for (const entry of pending.values()) {
    // Past the catch-up limit, an interval resumes from now rather than firing on.
    if (entry.due <= now) entry.due = now + entry.delay;
    arm(entry);
  }
}

function poll(): void {
  let text: string;
  try {
    text = readFileSync(stateFile, 'utf8');
  } catch {
    // No clock published (a server started outside the agent): real time.
    return;
  }
  if (text === lastText) return;
  lastText = text;
  const state = parseClockState(text);
  if (!state || state.generation === generation) return;
  generation = state.generation;
  moveClock(state.offsetMs);
  try {
    writeFileSync(ackFile, String(generation));
  } catch {
    // The agent then reports that the server did not take the new time.
  }
}

globalThis.setTimeout = clockSetTimeout as unknown as typeof setTimeout;
globalThis.setInterval = clockSetInterval as unknown as typeof setInterval;
globalThis.clearTimeout = clearClockTimer as typeof clearTimeout;
globalThis.clearInterval = clearClockTimer as typeof clearInterval;
Object.assign(timers, { setTimeout: globalThis.setTimeout, setInterval: globalThis.setInterval, clearTimeout: globalThis.clearTimeout, clearInterval: globalThis.clearInterval });
// `import { setTimeout } from 'node:timers'` sees the patched functions too.
syncBuiltinESMExports();

poll();
real.setInterval(poll, POLL_MS).unref();
