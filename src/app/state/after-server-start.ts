/**
 * When the heavy panels (Monaco, xterm.js, the inspectors) may load. Monaco is the page's
 * heaviest chunk: compiling it on a 2-core laptop while the learner's server starts (Node on
 * the local runner, or inside the WebContainer's worker) slowed that start by a second or more.
 * So they load once the open lesson's server has left "starting" (or the lesson has no server),
 * after `maxWaitMs` at the latest, or at once when the learner asks for one (`now`) — on the
 * page's first load only (PanelLoadGates).
 */
import { effect, type ReadonlySignal } from '@preact/signals';
import type { Lesson } from '../../lessons/types.ts';
import type { ServerPill } from './lesson-runner.ts';

const MAX_WAIT_MS = 3000;

export interface ServerStartGate {
  ready: Promise<void>;
  /** The learner wants the panel now (e.g. focused the editor's preview). */
  now(): void;
}

export interface WatchedLesson {
  lesson: ReadonlySignal<Lesson | undefined>;
  server: ReadonlySignal<ServerPill>;
}

/**
 * Runs `then` once the browser has painted the current DOM: the status line's "Server running"
 * must reach the screen before Monaco's compile holds the main thread for half a second.
 */
function afterNextPaint(then: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(then, 0));
  else setTimeout(then, 0);
}

export function afterServerStart(watched: WatchedLesson, maxWaitMs = MAX_WAIT_MS): ServerStartGate {
  let open!: () => void;
  const ready = new Promise<void>((resolve) => (open = resolve));
  let settled = false;
  let stop: (() => void) | undefined;
  const finish = (): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    // effect() runs its function once before returning: stop it after that first run ends.
    queueMicrotask(() => stop?.());
    open();
  };
  const timer = setTimeout(finish, maxWaitMs);
  stop = effect(() => {
    const lesson = watched.lesson.value;
    const state = watched.server.value.state;
    if (lesson && (lesson.meta.kind !== 'server' || state !== 'starting')) afterNextPaint(finish);
  });
  if (settled) stop();
  return { ready, now: finish };
}

/**
 * The gates of one page: only its first load waits for the server. After a lesson switch the
 * panels' chunks are compiled already, and the editor must not turn read-only while the next
 * lesson's server starts.
 */
export class PanelLoadGates {
  #opened = false;

  constructor(
    private readonly watched: WatchedLesson,
    private readonly maxWaitMs = MAX_WAIT_MS,
  ) {}

  next(): ServerStartGate {
    if (this.#opened) return { ready: Promise.resolve(), now: () => undefined };
    const gate = afterServerStart(this.watched, this.maxWaitMs);
    void gate.ready.then(() => (this.#opened = true));
    return gate;
  }
}
