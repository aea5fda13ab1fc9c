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

function findTask(id) {
  return get('SELECT * FROM tasks WHERE id = ?', [id]);
}

/** Every :id route starts here: the id, or undefined after answering 400. */
function idOf(req, res) {
  const id = parseId(req.params.id);
  if (id === undefined) res.status(400).json({ error: 'id must be a positive integer' });
  return id;
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
  res.status(201).location(`/tasks/${lastId}`).json(toTask(findTask(lastId)));
});

app.get('/tasks/:id', (req, res) => {
  const id = idOf(req, res);
  if (id === undefined) return;
  const task = findTask(id);
  if (!task) return res.status(404).json({ error: 'Task not found' });
  res.json(toTask(task));
});

app.patch('/tasks/:id', (req, res) => {
  const id = idOf(req, res);
  if (id === undefined) return;
  const { title, done } = req.body ?? {};
  if (title !== undefined && !isTitle(title)) {
    return res.status(400).json({ error: 'title must be a non-empty string' });
  }
  if (done !== undefined && typeof done !== 'boolean') {
    return res.status(400).json({ error: 'done must be true or false' });
  }
  const task = findTask(id);
  if (!task) return res.status(404).json({ error: 'Task not found' });
  run('UPDATE tasks SET title = ?, done = ? WHERE id = ?', [
    title === undefined ? task.title : title.trim(),
    done === undefined ? task.done : Number(done),
    task.id,
  ]);
  save();
  res.json(toTask(findTask(task.id)));
});

app.delete('/tasks/:id', (req, res) => {
  const id = idOf(req, res);
  if (id === undefined) return;
  const { changes } = run('DELETE FROM tasks WHERE id = ?', [id]);
  if (changes > 0) save();
  res.sendStatus(204);
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
