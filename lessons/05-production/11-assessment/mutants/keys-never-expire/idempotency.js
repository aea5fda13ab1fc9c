/**
 * Idempotency keys: the answer to a request that created something is remembered under its
 * Idempotency-Key for 24 hours, with the request it answered, so a client that retries gets
 * the same answer instead of a second order.
 */
const TTL_MS = 24 * 60 * 60 * 1000;

export function createIdempotencyStore() {
  /** key → { request, status, body, expiresAt } */
  const remembered = new Map();

  return {
    /** What is remembered for `key` (undefined when nothing is, or it expired). */
    lookup(key) {
      const entry = remembered.get(key);
      if (entry === undefined) return undefined;
      return entry;
    },
    remember(key, request, status, body) {
      remembered.set(key, { request, status, body, expiresAt: Date.now() + TTL_MS });
    },
  };
}

/** Two order requests are the same when they ask for the same product and quantity. */
export function sameOrderRequest(a, b) {
  return a.productId === b.productId && a.quantity === b.quantity;
}
