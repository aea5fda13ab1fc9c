import { defineChecks } from '../../../src/checks/define.ts';

export default defineChecks({
  checks: [
    {
      id: 'empty-title-400',
      title: 'An empty title is refused with 400',
      hint: 'res.json(...) always answers 200. Set the status first: res.status(400).json({ error: … }).',
      steps: [
        {
          name: 'POST /tasks {"title": ""}',
          request: { method: 'POST', path: '/tasks', json: { title: '' } },
          expect: { status: 400, json: [{ path: 'error', type: 'string' }] },
          message: 'POST /tasks with an empty title answers 200, so the app shows "saved". Answer 400 Bad Request with {"error": …}: res.status(400).json(…).',
        },
      ],
    },
    {
      id: 'created-201',
      title: 'Creating a task answers 201 Created',
      hint: 'res.status(201).json(task) — and res.location(`/tasks/${id}`) is a nice touch.',
      steps: [
        {
          name: 'POST /tasks {"title": "Write tests"}',
          request: { method: 'POST', path: '/tasks', json: { title: 'Write tests' } },
          expect: { status: 201, json: [{ path: 'title', equals: 'Write tests' }, { path: 'id', type: 'number' }] },
          message: 'POST /tasks with a valid title must answer 201 Created with the new task.',
        },
      ],
    },
    {
      id: 'missing-404',
      title: 'A task that does not exist answers 404',
      hint: 'When get(...) finds nothing, answer res.status(404).json({ error: … }) instead of sending null.',
      steps: [
        {
          name: 'GET /tasks/999999',
          request: { path: '/tasks/999999' },
          expect: { status: 404 },
          message: 'GET /tasks/999999 answers 200 with null: the client cannot tell "no such task" from a task. Answer 404 Not Found.',
        },
      ],
    },
    {
      id: 'delete-204-then-404',
      title: 'DELETE answers 204, and 404 when there is nothing to delete',
      hint: 'run(...) returns { changes }: 0 changes means there was no such task.',
      steps: [
        {
          name: 'POST /tasks (a task to delete)',
          request: { method: 'POST', path: '/tasks', json: { title: 'Delete me' } },
          expect: { json: [{ path: 'id', type: 'number' }] },
          capture: { id: { json: 'id' } },
          message: 'POST /tasks must answer the created task with its id.',
        },
        {
          name: 'DELETE /tasks/{{id}}',
          request: { method: 'DELETE', path: '/tasks/{{id}}' },
          expect: { status: 204 },
          message: 'Deleting an existing task must answer 204 No Content (res.status(204).end()).',
        },
        {
          name: 'DELETE /tasks/{{id}} again',
          request: { method: 'DELETE', path: '/tasks/{{id}}' },
          expect: { status: 404 },
          message: 'Deleting a task that is already gone must answer 404: use the changes count that run(...) returns.',
        },
      ],
    },
  ],
});
