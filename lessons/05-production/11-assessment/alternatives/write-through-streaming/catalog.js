/** The catalog with a read-through cache: a PUT stores the catalog's answer (write-through). */
import { fetchWithRetry } from './retry.js';

export class CatalogError extends Error {}

const MINUTE = 60 * 1000;

export function createCatalog({ apiKey }) {
  const entries = new Map();
  const auth = apiKey ? { Authorization: `Bearer ${apiKey}` } : {};
  const fresh = (entry) => entry && Date.now() - entry.storedAt < MINUTE;

  return {
    async getProduct(id) {
      const entry = entries.get(String(id));
      if (fresh(entry)) return entry.value;
      const response = await fetchWithRetry(`https://catalog.test/products/${id}`, { headers: auth }).catch((error) => {
        throw new CatalogError(error.message);
      });
      if (response.status === 404) return undefined;
      if (response.status !== 200) throw new CatalogError(`catalog: ${response.status}`);
      const value = await response.json();
      entries.set(String(id), { value, storedAt: Date.now() });
      return value;
    },
    async putProduct(id, fields) {
      const response = await fetch(`https://catalog.test/products/${id}`, {
        method: 'PUT',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(fields),
      });
      if (!response.ok) {
        entries.delete(String(id));
        throw new CatalogError(`catalog: ${response.status}`);
      }
      const value = await response.json();
      entries.set(String(id), { value, storedAt: Date.now() });
      return value;
    },
  };
}
