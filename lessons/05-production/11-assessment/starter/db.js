/**
 * A stand-in for a database client (do not change this file). It keeps the orders in memory,
 * connects in the background — 15 seconds, like a database container still booting — answers
 * ping() once connected, and must be closed before the process exits.
 */
const CONNECT_MS = 15_000;

let state = 'connecting';
const connecting = setTimeout(() => {
  state = 'connected';
  console.log(JSON.stringify({ message: 'database connected' }));
}, CONNECT_MS);
// Tests import the app without starting a server: the connection must not keep them running.
connecting.unref();

const orders = [];

export const db = {
  /** Resolves when the database answers; rejects while it is connecting or closed. */
  async ping() {
    if (state !== 'connected') throw new Error(`the database is ${state}`);
  },
  /** Closes the connection (and gives up connecting). */
  async close() {
    clearTimeout(connecting);
    state = 'closed';
    console.log(JSON.stringify({ message: 'database closed' }));
  },
  /** Stores a new order and returns it with its id. */
  async insertOrder(fields) {
    const order = { id: orders.length + 1, ...fields };
    orders.push(order);
    return { ...order };
  },
  /** Every order, oldest first. */
  async listOrders() {
    return orders.map((order) => ({ ...order }));
  },
};
