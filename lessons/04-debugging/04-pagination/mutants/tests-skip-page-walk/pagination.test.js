// Tests for GET /products. `node run-tests.js` starts a server, sets BASE_URL to its address
// (another port every time) and runs this file with `node --test`; Check does the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const BASE_URL = process.env.BASE_URL;
const LIMIT = 5;

/** The ids on one page, and the totalPages the server reports. */
async function getPage(page) {
  const res = await fetch(`${BASE_URL}/products?page=${page}&limit=${LIMIT}`);
  assert.equal(res.status, 200);
  const body = await res.json();
  return { ids: body.items.map((product) => product.id), totalPages: body.totalPages };
}

test('a middle page holds `limit` products, in id order', async () => {
  const { ids } = await getPage(2);
  assert.equal(ids.length, LIMIT);
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
});

test('page 1 starts with the first product', async () => {
  assert.deepEqual((await getPage(1)).ids, [1, 2, 3, 4, 5]);
});

test('the last page holds the remaining products', async () => {
  assert.deepEqual((await getPage(5)).ids, [21, 22, 23]);
});
