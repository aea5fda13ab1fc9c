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
        const done = await t.request({ method: 'PATCH', path: `/tasks/${id}`, json: { done: true } });
        t.expectTrue(done.status === 200, `PATCH /tasks/${id} answered ${done.status}. Add app.patch('/tasks/:id', …) that updates the row and answers 200 with the updated task.`, { expected: 200, actual: `${done.status} ${done.text}` });
        t.expectEqual(done.json, { id, title, done: true }, `PATCH /tasks/${id} with { "done": true } must answer the task with done: true and the title unchanged.`);
        const renamed = await t.request({ method: 'PATCH', path: `/tasks/${id}`, json: { title: 'Renamed' } });
        t.expectEqual(renamed.json, { id, title: 'Renamed', done: true }, `PATCH with only { "title": "Renamed" } must keep done: true — update only the fields the body contains.`);
        const read = await t.request({ path: `/tasks/${id}` });
        t.expectEqual(read.json, { id, title: 'Renamed', done: true }, `After the PATCH, GET /tasks/${id} shows the old values: the UPDATE did not reach the database.`);
      },
    },
    {
      id: 'update-errors',
      title: 'PATCH answers 400 for a bad title or done, and 404 for an unknown task',
      run: async (t) => {
        const { id } = await createTask(t);
        for (const [json, what] of [[{ title: '' }, 'an empty title'], [{ done: 'yes' }, 'done: "yes"']] as const) {
          const res = await t.request({ method: 'PATCH', path: `/tasks/${id}`, json });
          t.expectTrue(res.status === 400, `PATCH /tasks/${id} with ${what} answered ${res.status}. Validate before updating: answer 400 with { error: … }.`, { expected: 400, actual: `${res.status} ${res.text}` });
        }
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
      id: 'persisted',
      title: 'Changes are saved to data.sqlite and survive a restart',
      hint: 'Call save() after every run(…) that changes data.',
      timeoutMs: 15000,
      run: async (t) => {
        const kept = await createTask(t);
        const patched = await createTask(t);
        const deleted = await createTask(t);
        const patch = await t.request({ method: 'PATCH', path: `/tasks/${patched.id}`, json: { done: true } });
        const removal = await t.request({ method: 'DELETE', path: `/tasks/${deleted.id}` });
        t.expectTrue(patch.status === 200 && removal.status === 204, 'PATCH /tasks/:id and DELETE /tasks/:id must work before their changes can be saved: make the checks above pass first.', { expected: 'PATCH 200, DELETE 204', actual: `PATCH ${patch.status}, DELETE ${removal.status}` });
        const db = await t.openDatabase('data.sqlite');
        try {
          const rows = db.exec('SELECT id, done FROM tasks WHERE id IN (?, ?, ?) ORDER BY id', [kept.id, patched.id, deleted.id])[0]?.rows ?? [];
          t.expectEqual(rows, [[kept.id, 0], [patched.id, 1]], 'data.sqlite does not match the API: after PATCH done=true and DELETE, the file must show the change. Call save() after each UPDATE and DELETE.');
        } finally {
          db.close();
        }
        await t.restartServer();
        const res = await t.request({ path: `/tasks/${patched.id}` });
        t.expectTrue(res.status === 200 && (res.json as Task | undefined)?.done === true, `After a restart, task ${patched.id} is not done any more: the PATCH was never saved. Call save() after the UPDATE.`, { expected: 'done: true', actual: `${res.status} ${res.text}` });
      },
    },
  ],
});
