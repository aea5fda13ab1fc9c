/**
 * A stand-in for a database client (do not change this file). Like a real one it connects in
 * the background — here it takes 15 seconds, as a database container still booting would —
 * answers ping() once connected, and must be closed before the process exits.
 */
const CONNECT_MS = 15_000;

let state = 'connecting';
const connecting = setTimeout(() => {
  state = 'connected';
  console.log('database connected');
}, CONNECT_MS);

export const db = {
  /** Resolves when the database answers; rejects while it is connecting or closed. */
  async ping() {
    if (state !== 'connected') throw new Error(`the database is ${state}`);
  },
  /** Closes the connection (and gives up connecting). */
  async close() {
    clearTimeout(connecting);
    state = 'closed';
    console.log('database closed');
  },
};
