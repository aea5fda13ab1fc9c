/**
 * The servers the checks run the learner's tests against besides server.js itself: broken copies
 * it must catch (each breaks one rule of the API the way a real change breaks it), a correct copy
 * that already holds data, and a server with no routes. The copies are made from the learner's
 * own server.js by text replacement (so there is one copy of the correct server: the starter's),
 * and their code stays here, out of the learner's editor: a failure message names the broken
 * behaviour, not the test that would catch it.
 */

/** Text of server.js → its replacement; each `from` must occur exactly once. */
export type Edit = [from: string, to: string];

export interface BrokenServer {
  /** The check id is `catches-<id>`. */
  id: string;
  /** The broken behaviour, completing "a server where …". */
  where: string;
  /** What a test must do to catch it: the learner's next action. */
  advice: string;
  hint: string;
  edits: Edit[];
}

const STORE_TODO = `  const todo = { id: nextId++, title, done: false };
  todos.set(todo.id, todo);
`;
const VALIDATE_TITLE = `  if (typeof title !== 'string' || title.trim() === '') {
    return res.status(400).json({ error: 'title must be a non-empty string' });
  }
`;

export const BROKEN_SERVERS: BrokenServer[] = [
  {
    id: 'empty-title',
    where: 'POST /todos accepts an empty title and creates the to-do',
    advice: 'Test the validation with the smallest invalid title, not only a missing one, and expect 400.',
    hint: "Send `{ title: '' }` to POST /todos and assert `res.status === 400`.",
    edits: [["if (typeof title !== 'string' || title.trim() === '') {", "if (typeof title !== 'string') {"]],
  },
  {
    id: 'create-status',
    where: 'POST /todos answers 200 instead of 201 Created',
    advice: 'Assert the exact status a request answers, not only that it is a success (`res.ok` holds for any 2xx).',
    hint: 'In your create test: `assert.equal(res.status, 201)`.',
    edits: [['res.status(201).json(todo);', 'res.json(todo);']],
  },
  {
    id: 'created-id',
    where: 'POST /todos answers with an id that is not the new to-do’s',
    advice: 'Read back what you created: GET /todos/<the id the POST answered> must return the same to-do.',
    hint: 'After the POST, `const again = await fetch(`${BASE_URL}/todos/${created.id}`)`: assert 200 and `deepEqual(await again.json(), created)`.',
    edits: [['res.status(201).json(todo);', 'res.status(201).json({ ...todo, id: nextId });']],
  },
  {
    id: 'unknown-id',
    where: 'GET /todos/:id answers 200 with an empty body for an id no to-do has',
    advice: 'Test the error path as well as the happy one: ask for an id that does not exist and expect 404.',
    hint: 'GET /todos/999999 (or a deleted id) and assert `res.status === 404`.',
    edits: [
      [
        `  const todo = todos.get(Number(req.params.id));
  if (!todo) return res.status(404).json({ error: 'no such todo' });
`,
        `  const todo = todos.get(Number(req.params.id));
`,
      ],
    ],
  },
  {
    id: 'delete-keeps',
    where: 'DELETE /todos/:id answers 204 but the to-do is still there',
    advice: 'A status code says what the server claims; check what it did: read the to-do back after deleting it.',
    hint: 'Create a to-do, DELETE it (expect 204), then GET /todos/<its id> and expect 404.',
    edits: [['if (!todos.delete(Number(req.params.id)))', 'if (!todos.has(Number(req.params.id)))']],
  },
  {
    id: 'rejected-stored',
    where: 'POST /todos answers 400 for an invalid title but stores the to-do anyway',
    advice: 'A rejected request must change nothing: compare what GET /todos lists before and after it.',
    hint: 'Read GET /todos, send a POST with `{ title: 42 }` (expect 400), read GET /todos again and `deepEqual` the two lists.',
    edits: [
      [`${VALIDATE_TITLE}${STORE_TODO}`, `${STORE_TODO}${VALIDATE_TITLE}`],
    ],
  },
];

/** A server with no routes at all: every request answers 404. Tests that pass against it test nothing about the API. */
export const NO_ROUTES_SERVER = `import express from 'express';
const app = express();
app.listen(process.env.PORT ?? 3000);
`;

/**
 * A correct server that already holds two to-dos (ids 41 and 42, the next one 43), as a real
 * database does: tests that count on an empty list or on the first id being 1 fail against it.
 */
export const EXISTING_DATA: Edit[] = [
  [
    `const todos = new Map();
let nextId = 1;`,
    `const todos = new Map([
  [41, { id: 41, title: 'Water the plants', done: true }],
  [42, { id: 42, title: 'Pay the rent', done: false }],
]);
let nextId = 43;`,
  ],
];

/** server.js with the edits applied; `undefined` when server.js is no longer as given (an edit's text is missing). */
export function editServer(source: string, edits: Edit[]): string | undefined {
  let result = source;
  for (const [from, to] of edits) {
    const parts = result.split(from);
    if (parts.length !== 2) return undefined;
    result = parts.join(to);
  }
  return result;
}
