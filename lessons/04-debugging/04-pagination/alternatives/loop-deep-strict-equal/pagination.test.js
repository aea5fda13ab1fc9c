// Tests for GET /products, as one loop over every page: each page's ids are computed from the
// products table's 23 ids, and totalPages must say how many pages there are.
import { test } from 'node:test';
import assert from 'node:assert';

const PRODUCTS = 23;
const LIMIT = 5;

test('every page holds its slice of the products, and totalPages counts them all', async () => {
  const expectedPages = Math.ceil(PRODUCTS / LIMIT);
  for (let page = 1; page <= expectedPages; page++) {
    const res = await fetch(`${process.env.BASE_URL}/products?page=${page}&limit=${LIMIT}`);
    assert.strictEqual(res.status, 200);
    const { items, totalPages } = await res.json();
    assert.strictEqual(totalPages, expectedPages);
    const expected = [];
    for (let id = (page - 1) * LIMIT + 1; id <= Math.min(page * LIMIT, PRODUCTS); id++) expected.push(id);
    assert.deepStrictEqual(items.map((item) => item.id), expected, `page ${page}`);
  }
});
