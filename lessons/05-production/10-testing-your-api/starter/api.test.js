// Your tests for the to-do API in server.js. The checks start a server, set BASE_URL to its
// address (another port every time) and run this file with `node --test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const BASE_URL = process.env.BASE_URL;

test('GET /todos answers 200 with a list', async () => {
  const res = await fetch(`${BASE_URL}/todos`);
  assert.equal(res.status, 200);
  assert.ok(Array.isArray(await res.json()));
});

// TODO: a test for each rule of the API (see the lesson): creating, validating, reading, deleting.
