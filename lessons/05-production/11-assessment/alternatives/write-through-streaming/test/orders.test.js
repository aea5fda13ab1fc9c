/** The orders list, tested with describe/it. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApp } from './start.js';

describe('GET /orders caching', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app.close();
  });

  it('revalidates with If-None-Match', async () => {
    const { headers } = await fetch(`${app.url}/orders`);
    const res = await fetch(`${app.url}/orders`, { headers: { 'If-None-Match': headers.get('ETag') } });
    assert.deepEqual([res.status, await res.text()], [304, '']);
  });
});
