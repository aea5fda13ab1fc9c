import express from 'express';
import { all, get, run, save } from './db.js';

const app = express();
app.use(express.json());

/** SQLite has no booleans: done is stored as 0 or 1. The API speaks true/false. */
function toTask(row) {
  return { id: row.id, title: row.title, done: row.done === 1 };
}

function isTitle(value) {
  return typeof value === 'string' && value.trim() !== '';
}

/** The :id of the URL as a positive whole number, or undefined (then the answer is 400, as for /books/abc). */
function parseId(text) {
  const id = Number(text);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

app.get('/tasks', (req, res) => {
  res.json(all('SELECT * FROM tasks ORDER BY id').map(toTask));
});

app.post('/tasks', (req, res) => {
  const { title } = req.body ?? {};
  if (!isTitle(title)) {
    return res.status(400).json({ error: 'title must be a non-empty string' });
  }
  const { lastId } = run('INSERT INTO tasks (title) VALUES (?)', [title.trim()]);
  save();
  res.status(201).location(`/tasks/${lastId}`).json(toTask(get('SELECT * FROM tasks WHERE id = ?', [lastId])));
});

// TODO: GET /tasks/:id → 200 with the task, or 404 { error: 'Task not found' }.
//       Every :id route answers 400 { error: 'id must be a positive integer' } when parseId gives undefined.

// TODO: PATCH /tasks/:id with { title?, done? } → 200 with the updated task.
//       400 when title is not a non-empty string or done is not a boolean; 404 when there is no such task.
//       Remember save() after the change.

// TODO: DELETE /tasks/:id → 204 with no body, or 404. Remember save().

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
