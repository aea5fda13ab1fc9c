/**
 * When the heavy panels (Monaco, xterm.js, the inspectors) may load. Monaco is the page's
 * heaviest chunk: compiling it on a 2-core laptop while the learner's server starts (Node on
 * the local runner, or inside the WebContainer's worker) slowed that start by a second or more.
 * So they load once the open lesson's server has left "starting" (or the lesson has no server),
 * after `maxWaitMs` at the latest, or at once when the learner asks for one (`now`).
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
    if (lesson && (lesson.meta.kind !== 'server' || state !== 'starting')) finish();
  });
  if (settled) stop();
  return { ready, now: finish };
}
