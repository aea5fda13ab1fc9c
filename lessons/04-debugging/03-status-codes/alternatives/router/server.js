import express from 'express';
import { all, get, run } from './db.js';

const app = express();
app.use(express.json());

const tasks = express.Router();
const notFound = (res) => res.status(404).json({ error: 'task not found' });

tasks.get('/', (req, res) => {
  res.json(all('SELECT * FROM tasks ORDER BY id'));
});

tasks.post('/', (req, res) => {
  const { title } = req.body ?? {};
  if (typeof title !== 'string' || !title.trim()) return res.status(400).json({ error: 'title must be a non-empty string' });
  const { lastId } = run('INSERT INTO tasks (title) VALUES (?)', [title.trim()]);
  res.status(201).json(get('SELECT * FROM tasks WHERE id = ?', [lastId]));
});

tasks.get('/:id', (req, res) => {
  const task = get('SELECT * FROM tasks WHERE id = ?', [Number(req.params.id)]);
  return task ? res.json(task) : notFound(res);
});

tasks.delete('/:id', (req, res) => {
  const { changes } = run('DELETE FROM tasks WHERE id = ?', [Number(req.params.id)]);
  return changes ? res.sendStatus(204) : notFound(res);
});

app.use('/tasks', tasks);

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
