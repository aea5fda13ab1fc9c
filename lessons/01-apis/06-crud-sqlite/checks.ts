import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';

interface Task { id?: unknown; title?: unknown; done?: unknown }

/** Creates a task with a title no earlier check run used, and returns it. */
async function createTask(t: CheckContext): Promise<{ id: number; title: string }> {
  const title = `Check task ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const res = await t.request({ method: 'POST', path: '/tasks', json: { title } });
  const task = res.json as Task | undefined;
  t.expectTrue(res.status === 201 && typeof task?.id === 'number', 'POST /tasks (given in the starter) must keep answering 201 with the new task — put it back as it was.', { expected: '201 { id, title, done }', actual: `${res.status} ${res.text}` });
  return { id: task?.id as number, title };
}

export default defineChecks({
  checks: [
    {
      id: 'read-one',
      title: 'GET /tasks/:id answers the task, or 404',
      hint: 'app.get(\'/tasks/:id\', …): get(\'SELECT * FROM tasks WHERE id = ?\', [Number(req.params.id)]), then toTask(row).',
      run: async (t) => {
        const { id, title } = await createTask(t);
        const res = await t.request({ path: `/tasks/${id}` });
        t.expectTrue(res.status === 200, `GET /tasks/${id} answered ${res.status}. Add app.get('/tasks/:id', …) that looks the task up by id and answers it with res.json(toTask(row)).`, { expected: 200, actual: `${res.status} ${res.text}` });
        t.expectEqual(res.json, { id, title, done: false }, `GET /tasks/${id} must answer { id, title, done } — done as true/false (use toTask(row)).`);
        const missing = await t.request({ path: '/tasks/987654' });
        t.expectTrue(missing.status === 404 && (missing.json as { error?: unknown } | undefined)?.error === 'Task not found', `GET /tasks/987654 answered ${missing.status} ${missing.text}. When get(…) returns undefined, answer 404 { "error": "Task not found" }.`, { expected: '404 {"error":"Task not found"}', actual: `${missing.status} ${missing.text}` });
      },
    },
    {
      id: 'update',
      title: 'PATCH /tasks/:id changes only the fields sent',
      hint: 'Fields missing from the body keep their old value: title === undefined ? task.title : title.trim().',
      run: async (t) => {
        const { id, title } = await createTask(t);
        const other = await createTask(t);
        const done = await t.request({ method: 'PATCH', path: `/tasks/${id}`, json: { done: true } });
        t.expectTrue(done.status === 200, `PATCH /tasks/${id} answered ${done.status}. Add app.patch('/tasks/:id', …) that updates the row and answers 200 with the updated task.`, { expected: 200, actual: `${done.status} ${done.text}` });
        t.expectEqual(done.json, { id, title, done: true }, `PATCH /tasks/${id} with { "done": true } must answer the task with done: true and the title unchanged.`);
        const renamed = await t.request({ method: 'PATCH', path: `/tasks/${id}`, json: { title: 'Renamed' } });
        t.expectEqual(renamed.json, { id, title: 'Renamed', done: true }, `PATCH with only { "title": "Renamed" } must keep done: true — update only the fields the body contains.`);
        const read = await t.request({ path: `/tasks/${id}` });
        t.expectEqual(read.json, { id, title: 'Renamed', done: true }, `After the PATCH, GET /tasks/${id} shows the old values: the UPDATE did not reach the database.`);
        const untouched = await t.request({ path: `/tasks/${other.id}` });
        t.expectEqual(untouched.json, { id: other.id, title: other.title, done: false }, `PATCH /tasks/${id} also changed task ${other.id}! The UPDATE needs WHERE id = ?, or it changes every row.`);
      },
    },
    {
      id: 'update-errors',
      title: 'PATCH answers 400 for a bad title or done, and 404 for an unknown task',
      run: async (t) => {
        const { id, title } = await createTask(t);
        const cases: [unknown, string][] = [
          [{ title: '' }, 'an empty title'],
          [{ title: '   ' }, 'a title of only spaces'],
          [{ title: 42 }, 'a numeric title'],
          [{ done: 'yes' }, 'done: "yes"'],
          [{ done: 1 }, 'done: 1'],
          [{ done: null }, 'done: null'],
          [{ title: 'Half-applied', done: 'yes' }, 'a good title but done: "yes"'],
        ];
        for (const [json, what] of cases) {
          const res = await t.request({ method: 'PATCH', path: `/tasks/${id}`, json });
          t.expectTrue(res.status === 400 && typeof (res.json as { error?: unknown } | undefined)?.error === 'string', `PATCH /tasks/${id} with ${what} answered ${res.status}. Validate every field before updating: answer 400 with { error: … }. done must be true or false, title a non-empty string.`, { expected: '400 { "error": "…" }', actual: `${res.status} ${res.text}` });
        }
        const after = await t.request({ path: `/tasks/${id}` });
        t.expectEqual(after.json, { id, title, done: false }, `After only rejected PATCHes, task ${id} changed: validate all fields first, and run the UPDATE only when the whole request is valid — a rejected request changes nothing.`);
        const missing = await t.request({ method: 'PATCH', path: '/tasks/987654', json: { done: true } });
        t.expectTrue(missing.status === 404, `PATCH /tasks/987654 answered ${missing.status}: there is no such task, answer 404.`, { expected: 404, actual: `${missing.status} ${missing.text}` });
      },
    },
    {
      id: 'delete',
      title: 'DELETE /tasks/:id answers 204 and the task is gone; an unknown id answers 404',
      hint: 'const { changes } = run(\'DELETE FROM tasks WHERE id = ?\', [id]); changes === 0 means 404, else save() and res.sendStatus(204).',
      run: async (t) => {
        const { id } = await createTask(t);
        const res = await t.request({ method: 'DELETE', path: `/tasks/${id}` });
        t.expectTrue(res.status === 204 && res.text === '', `DELETE /tasks/${id} answered ${res.status}. Add app.delete('/tasks/:id', …) answering res.sendStatus(204) — no body.`, { expected: '204, empty body', actual: `${res.status} ${res.text}` });
        const after = await t.request({ path: `/tasks/${id}` });
        t.expectEqual(after.status, 404, `After DELETE /tasks/${id}, GET /tasks/${id} must answer 404: the row must be deleted.`);
        const again = await t.request({ method: 'DELETE', path: `/tasks/${id}` });
        t.expectEqual(again.status, 404, `Deleting task ${id} a second time answered ${again.status}: a task that does not exist answers 404.`);
      },
    },
    {
      id: 'bad-id-400',
      title: 'GET, PATCH and DELETE /tasks/abc answer 400: an id must be a positive integer',
      hint: 'Start each :id route with const id = parseId(req.params.id); if (id === undefined) return res.status(400).json({ error: \'id must be a positive integer\' });',
      run: async (t) => {
        const before = await t.request({ path: '/tasks' });
        const requests = [
          { method: 'GET' as const, path: '/tasks/abc' },
          { method: 'PATCH' as const, path: '/tasks/1.5', json: { done: true } },
          { method: 'DELETE' as const, path: '/tasks/0' },
          { method: 'DELETE' as const, path: '/tasks/-1' },
        ];
        for (const spec of requests) {
          const res = await t.request(spec);
          t.expectTrue(res.status === 400 && (res.json as { error?: unknown } | undefined)?.error === 'id must be a positive integer', `${spec.method} ${spec.path} answered ${res.status} ${res.text}. That id can never name a task — the client's mistake, as with /books/abc: answer 400 { "error": "id must be a positive integer" }.`, { expected: '400 {"error":"id must be a positive integer"}', actual: `${res.status} ${res.text}` });
        }
        const after = await t.request({ path: '/tasks' });
        t.expectEqual(after.json, before.json, 'A request with a bad id changed the tasks: answer the 400 before touching the database.');
      },
    },
    {
      id: 'persisted',
      title: 'Changes are saved to data.sqlite and survive a restart',
      hint: 'Call save() after every run(…) that changes data.',
      timeoutMs: 15000,
      run: async (t) => {
        const kept = await createTask(t);
        const patched = await createTask(t);
        const deleted = await createTask(t);
        /** The rows of the three tasks as data.sqlite has them now. */
        const fileRows = async (): Promise<unknown[][]> => {
          const db = await t.openDatabase('data.sqlite');
          try {
            return db.exec('SELECT id, done FROM tasks WHERE id IN (?, ?, ?) ORDER BY id', [kept.id, patched.id, deleted.id])[0]?.rows ?? [];
          } finally {
            db.close();
          }
        };
        // One change at a time, each followed by a look at the file: a later save() would hide a missing earlier one.
        const removal = await t.request({ method: 'DELETE', path: `/tasks/${deleted.id}` });
        t.expectTrue(removal.status === 204, 'DELETE /tasks/:id must work before its change can be saved: make the "delete" check pass first.', { expected: 204, actual: `${removal.status} ${removal.text}` });
        t.expectEqual(await fileRows(), [[kept.id, 0], [patched.id, 0]], `After DELETE /tasks/${deleted.id}, data.sqlite still has the task: call save() after the DELETE.`);
        const patch = await t.request({ method: 'PATCH', path: `/tasks/${patched.id}`, json: { done: true } });
        t.expectTrue(patch.status === 200, 'PATCH /tasks/:id must work before its change can be saved: make the "update" check pass first.', { expected: 200, actual: `${patch.status} ${patch.text}` });
        t.expectEqual(await fileRows(), [[kept.id, 0], [patched.id, 1]], `After PATCH /tasks/${patched.id} with done: true, data.sqlite still shows done = 0: call save() after the UPDATE.`);
        await t.restartServer();
        const res = await t.request({ path: `/tasks/${patched.id}` });
        t.expectTrue(res.status === 200 && (res.json as Task | undefined)?.done === true, `After a restart, task ${patched.id} is not done any more: the PATCH was never saved. Call save() after the UPDATE.`, { expected: 'done: true', actual: `${res.status} ${res.text}` });
      },
    },
  ],
});
