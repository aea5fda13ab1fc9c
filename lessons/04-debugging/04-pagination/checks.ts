import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';
import { body, describe, queryRows, send } from '../../_support/checks.ts';

const LIMIT = 5;

/** Ids of page `page` as the learner's server answers them. */
async function pageIds(t: CheckContext, page: number): Promise<{ ids: unknown[]; totalPages: unknown }> {
  const res = await send(t, { path: `/products?page=${page}&limit=${LIMIT}` });
  const items = body(res).items;
  if (res.status !== 200 || !Array.isArray(items)) {
    return t.fail(`GET /products?page=${page}&limit=${LIMIT} must answer 200 with {"items": [...]}.`, { actual: describe(res) });
  }
  return { ids: items.map((item) => (item as { id?: unknown }).id), totalPages: body(res).totalPages };
}

/** Every product id in the learner's database, in order: what paging through must yield. */
async function allIds(t: CheckContext): Promise<number[]> {
  const rows = await queryRows(t, 'data.sqlite', 'SELECT id FROM products ORDER BY id');
  return rows.map((row) => Number(row[0]));
}

export default defineChecks({
  checks: [
    {
      id: 'first-page',
      title: 'Page 1 starts with the first product',
      hint: 'Work it out by hand for page=1, limit=5: how many rows should be skipped? What does the code compute?',
      timeoutMs: 10000,
      run: async (t) => {
        const expected = (await allIds(t)).slice(0, LIMIT);
        const { ids } = await pageIds(t, 1);
        t.expectEqual(ids, expected, `Page 1 must hold the first ${LIMIT} products (compare with the products table). Work out by hand how many rows the code skips for page=1, and how many it should skip.`);
      },
    },
    {
      id: 'last-page',
      title: 'The last page holds the remaining products',
      timeoutMs: 10000,
      run: async (t) => {
        const every = await allIds(t);
        const lastPage = Math.ceil(every.length / LIMIT);
        const { ids } = await pageIds(t, lastPage);
        t.expectEqual(ids, every.slice((lastPage - 1) * LIMIT), `Page ${lastPage} (the last one) must hold the last ${every.length % LIMIT || LIMIT} products.`);
      },
    },
    {
      id: 'every-product-once',
      title: 'Paging through all pages shows every product exactly once',
      hint: 'Walk the pages yourself in the HTTP client: page=1, 2, 3… Which product never shows up?',
      timeoutMs: 10000,
      run: async (t) => {
        const every = await allIds(t);
        const first = await pageIds(t, 1);
        const pages = Number(first.totalPages);
        t.expectTrue(Number.isInteger(pages) && pages === Math.ceil(every.length / LIMIT), `totalPages must be ${Math.ceil(every.length / LIMIT)} for ${every.length} products and limit ${LIMIT}.`, {
          actual: String(first.totalPages),
        });
        const seen: unknown[] = [...first.ids];
        for (let page = 2; page <= pages; page++) seen.push(...(await pageIds(t, page)).ids);
        t.expectEqual(seen, every, 'Reading pages 1 to totalPages in order must list every product exactly once, in id order.');
      },
    },
  ],
});
