/**
 * The preload every learner's server gets (`node --require ./.agent/server-preload.cjs`):
 * the clock checks can move, the marker that tells whether the server has served a request, and
 * an exit when the agent that started it is gone.
 * Kept small: it runs at every server start, whether or not the lesson's checks use it.
 */
// First: its poll uses the real timers, before the clock replaces them.
import './orphan-guard.ts';
import './clock-preload.ts';
import './served-marker.ts';
