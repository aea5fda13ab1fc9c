/**
 * The catalog service, cache-aside: a product read is kept for 60 seconds, a write through
 * this service removes it, and failures are never kept. Reads are retried (retry.js); the
 * key from the configuration goes with every call.
 */
import { fetchWithRetry } from './retry.js';

const CATALOG = 'https://catalog.test';
const TTL_MS = 60_000;

/** A failure of the catalog (after retries): the route answers 502. */
export class CatalogError extends Error {}

export function createCatalog({ apiKey }) {
  const headers = apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` };
  /** product id → { product, expiresAt } */
  const cache = new Map();
  const url = (id) => `${CATALOG}/products/${encodeURIComponent(id)}`;

  /** The product, or undefined when the catalog does not know it. */
  async function getProduct(id) {
    const hit = cache.get(id);
    if (hit !== undefined && hit.expiresAt > Date.now()) {
      if (hit.failure) throw new CatalogError(hit.failure);
      return hit.product;
    }
    let answer;
    try {
      answer = await fetchWithRetry(url(id), { headers });
    } catch (error) {
      throw new CatalogError(`the catalog is unreachable: ${error.message}`);
    }
    if (answer.status === 404) return undefined;
    if (!answer.ok) {
      cache.set(id, { failure: `the catalog answered ${answer.status}`, expiresAt: Date.now() + TTL_MS });
      throw new CatalogError(`the catalog answered ${answer.status}`);
    }
    const product = await answer.json();
    cache.set(id, { product, expiresAt: Date.now() + TTL_MS });
    return product;
  }

  async function putProduct(id, fields) {
    const answer = await fetch(url(id), { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(fields) });
    // Whatever the answer, what we kept may be out of date now.
    cache.delete(id);
    if (!answer.ok) throw new CatalogError(`the catalog answered ${answer.status}`);
    return answer.json();
  }

  return { getProduct, putProduct };
}
