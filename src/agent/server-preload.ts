/**
 * The preload every learner's server gets (`node --require ./.agent/server-preload.cjs`):
 * the clock checks can move, and the marker that tells whether the server has served a request.
 * Kept small: it runs at every server start, whether or not the lesson's checks use it.
 */
import './clock-preload.ts';
import './served-marker.ts';
