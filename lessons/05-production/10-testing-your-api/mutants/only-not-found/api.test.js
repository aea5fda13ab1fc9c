// Your tests for the to-do API in server.js. The checks start a server, set BASE_URL to its
// address (another port every time) and run this file with `node --test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const BASE_URL = process.env.BASE_URL;

test('GET /todos/:id answers 404 for an id no to-do has', async () => {
  const res = await fetch(`${BASE_URL}/todos/999999`);
  assert.equal(res.status, 404);
});
