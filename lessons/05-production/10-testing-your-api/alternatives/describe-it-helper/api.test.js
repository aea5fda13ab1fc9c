// The same rules tested with describe/it, a before hook and one request helper that returns the
// status and the parsed body.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

const { BASE_URL } = process.env;

async function api(method, path, body) {
  const init = { method };
  if (body !== undefined) {
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const res = await fetch(new URL(path, BASE_URL), init);
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}

describe('creating a to-do', () => {
  let created;

  before(async () => {
    const res = await api('POST', '/todos', { title: 'Buy milk' });
    assert.equal(res.status, 201);
    created = res.body;
  });

  it('answers the new to-do, not done yet', () => {
    assert.deepEqual({ title: created.title, done: created.done }, { title: 'Buy milk', done: false });
    assert.ok(Number.isInteger(created.id));
  });

  it('is found under the id it answered', async () => {
    assert.deepEqual(await api('GET', `/todos/${created.id}`), { status: 200, body: created });
  });

  it('is in the list', async () => {
    const { status, body } = await api('GET', '/todos');
    assert.equal(status, 200);
    assert.ok(body.some((todo) => todo.id === created.id && todo.title === 'Buy milk'));
  });
});

describe('invalid titles are refused and change nothing', () => {
  for (const title of ['', ' ', null, 7, undefined]) {
    it(`title ${JSON.stringify(title) ?? 'missing'}`, async () => {
      const before = await api('GET', '/todos');
      const res = await api('POST', '/todos', { title });
      assert.equal(res.status, 400);
      assert.deepEqual(await api('GET', '/todos'), before);
    });
  }
});

describe('reading and deleting', () => {
  it('an unknown id is 404', async () => {
    assert.equal((await api('GET', '/todos/424242')).status, 404);
  });

  it('a deleted to-do is gone', async () => {
    const { body: todo } = await api('POST', '/todos', { title: 'Temporary' });
    assert.equal((await api('DELETE', `/todos/${todo.id}`)).status, 204);
    assert.equal((await api('GET', `/todos/${todo.id}`)).status, 404);
  });
});
