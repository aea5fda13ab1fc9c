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

// TODO: a test that fails when GET /orders ignores If-None-Match (see the lesson).
