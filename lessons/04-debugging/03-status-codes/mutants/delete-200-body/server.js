import express from 'express';
import { all, get, run } from './db.js';

const app = express();
app.use(express.json());

app.get('/tasks', (req, res) => {
  res.json(all('SELECT * FROM tasks ORDER BY id'));
});

app.post('/tasks', (req, res) => {
  const title = req.body?.title;
  if (typeof title !== 'string' || title.trim() === '') {
    // 400: the client sent something wrong; retrying the same request will not help.
    return res.status(400).json({ error: 'title is required' });
  }
  const { lastId } = run('INSERT INTO tasks (title) VALUES (?)', [title.trim()]);
  // 201: something new exists now, and Location says where.
  res.status(201).location(`/tasks/${lastId}`).json(get('SELECT * FROM tasks WHERE id = ?', [lastId]));
});

app.get('/tasks/:id', (req, res) => {
  const task = get('SELECT * FROM tasks WHERE id = ?', [Number(req.params.id)]);
  if (!task) return res.status(404).json({ error: 'no such task' });
  res.json(task);
});

app.delete('/tasks/:id', (req, res) => {
  const { changes } = run('DELETE FROM tasks WHERE id = ?', [Number(req.params.id)]);
  if (changes === 0) return res.status(404).json({ error: 'no such task' });
  // 204: done, and there is nothing to say.
  res.json({ deleted: true });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
