/** Tests for the orders service: run them with `node --test test/orders.test.js`. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startApp } from './start.js';

let app;
before(async () => {
  app = await startApp();
});
after(() => app.close());

test('GET /orders answers 200 with a list', async () => {
  const res = await fetch(`${app.url}/orders`);
  assert.equal(res.status, 200);
  assert.ok(Array.isArray(await res.json()));
});

test('GET /orders with its current ETag in If-None-Match answers 304 with no body', async () => {
  const first = await fetch(`${app.url}/orders`);
  const etag = first.headers.get('etag');
  assert.match(etag ?? '', /^"/, 'GET /orders sends a strong ETag');
  const again = await fetch(`${app.url}/orders`, { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
});
