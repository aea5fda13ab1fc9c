import express from 'express';
import { all, get, run, save } from './db.js';

const app = express();
const tasks = express.Router();
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
  return /^[1-9][0-9]*$/.test(text) ? Number(text) : undefined;
}

tasks.get('/', async (req, res) => {
  res.json(all('SELECT * FROM tasks ORDER BY id').map(toTask));
});

tasks.post('/', async (req, res) => {
  const { title } = req.body ?? {};
  if (!isTitle(title)) {
    return res.status(400).json({ error: 'title must be a non-empty string' });
  }
  const { lastId } = run('INSERT INTO tasks (title) VALUES (?)', [title.trim()]);
  save();
  res.status(201).location(`/tasks/${lastId}`).json(toTask(get('SELECT * FROM tasks WHERE id = ?', [lastId])));
});

tasks.get('/:id', async (req, res) => {
  const id = parseId(req.params.id);
  if (id === undefined) return res.status(400).json({ error: 'id must be a positive integer' });
  const row = get('SELECT id, title, done FROM tasks WHERE id = ?', [id]);
  return row ? res.json(toTask(row)) : res.status(404).json({ error: 'Task not found' });
});

tasks.patch('/:id', async (req, res) => {
  const id = parseId(req.params.id);
  if (id === undefined) return res.status(400).json({ error: 'id must be a positive integer' });
  const { title, done } = req.body ?? {};
  const problems = [];
  if (title !== undefined && !isTitle(title)) problems.push('title must be a non-empty string');
  if (done !== undefined && done !== true && done !== false) problems.push('done must be true or false');
  if (problems.length > 0) return res.status(400).json({ error: problems.join('; ') });
  const { changes } = run('UPDATE tasks SET title = COALESCE(?, title), done = COALESCE(?, done) WHERE id = ?', [
    title === undefined ? null : title.trim(),
    done === undefined ? null : done ? 1 : 0,
    id,
  ]);
  if (changes === 0) return res.status(404).json({ error: 'Task not found' });
  save();
  res.status(200).json(toTask(get('SELECT * FROM tasks WHERE id = ?', [id])));
});

tasks.delete('/:id', async (req, res) => {
  const id = parseId(req.params.id);
  if (id === undefined) return res.status(400).json({ error: 'id must be a positive integer' });
  if (!get('SELECT id FROM tasks WHERE id = ?', [id])) return res.status(404).json({ error: 'Task not found' });
  run('DELETE FROM tasks WHERE id = ?', [id]);
  save();
  res.status(204).end();
});

app.use('/tasks', tasks);

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
