// Your tests for the to-do API in server.js. The checks start a server, set BASE_URL to its
// address (another port every time) and run this file with `node --test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const BASE_URL = process.env.BASE_URL;

function postTodo(body) {
  return fetch(`${BASE_URL}/todos`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function listTodos() {
  const res = await fetch(`${BASE_URL}/todos`);
  assert.equal(res.status, 200);
  return res.json();
}

test('GET /todos answers 200 with a list', async () => {
  const res = await fetch(`${BASE_URL}/todos`);
  assert.equal(res.status, 200);
  assert.ok(Array.isArray(await res.json()));
});

test('POST /todos creates a to-do: 201, the to-do, and it can be read back', async () => {
  const res = await postTodo({ title: 'Write tests' });
  assert.equal(res.status, 201);
  const created = await res.json();
  assert.equal(typeof created.id, 'number');
  assert.equal(created.title, 'Write tests');
  assert.equal(created.done, false);

  const again = await fetch(`${BASE_URL}/todos/${created.id}`);
  assert.equal(again.status, 200);
  assert.deepEqual(await again.json(), created);
  assert.ok((await listTodos()).some((todo) => todo.id === created.id));
});

for (const [what, body] of [
  ['an empty title', { title: '' }],
  ['a blank title', { title: '   ' }],
  ['no title', {}],
  ['a title that is not a string', { title: 42 }],
]) {
  test(`POST /todos with ${what} answers 400 and creates nothing`, async () => {
    const before = await listTodos();
    const res = await postTodo(body);
    assert.equal(res.status, 400);
    assert.equal(typeof (await res.json()).error, 'string');
    assert.deepEqual(await listTodos(), before);
  });
}

test('GET /todos/:id answers 404 for an id no to-do has', async () => {
  const res = await fetch(`${BASE_URL}/todos/999999`);
  assert.equal(res.status, 404);
});

test('DELETE /todos/:id answers 204 and the to-do is gone', async () => {
  const { id } = await (await postTodo({ title: 'Short-lived' })).json();

  const res = await fetch(`${BASE_URL}/todos/${id}`, { method: 'DELETE' });
  assert.equal(res.status, 204);
  assert.equal((await fetch(`${BASE_URL}/todos/${id}`)).status, 404);
  assert.equal((await fetch(`${BASE_URL}/todos/${id}`, { method: 'DELETE' })).status, 404);
});
