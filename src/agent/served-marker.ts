/**
 * Part of the server preload: the first HTTP request the learner's server receives writes
 * `.agent/server-served`. Until then the server's in-memory state is as fresh as a restart
 * would make it, so Check may skip the restart (see LearnerServer.runsSavedFilesFresh).
 */
import { writeFileSync } from 'node:fs';
import { Server } from 'node:http';
import { resolve } from 'node:path';
import { SERVED_MARKER } from './workspace-paths.ts';

const markerFile = resolve(SERVED_MARKER);
let served = false;
const emit = Server.prototype.emit;

// `emit` is overloaded per event in Node's types; this wrapper passes every call through unchanged.
Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
  if (event === 'request' && !served) {
    served = true;
    try {
      writeFileSync(markerFile, '1');
    } catch {
      // Without the marker the agent cannot prove the state fresh: it restarts, as before.
    }
  }
  return Reflect.apply(emit, this, [event, ...args]) as boolean;
} as typeof emit;
