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
    return res.json({ error: 'title is required' });
  }
  const { lastId } = run('INSERT INTO tasks (title) VALUES (?)', [title.trim()]);
  res.json(get('SELECT * FROM tasks WHERE id = ?', [lastId]));
});

app.get('/tasks/:id', (req, res) => {
  const task = get('SELECT * FROM tasks WHERE id = ?', [Number(req.params.id)]);
  res.json(task ?? null);
});

app.delete('/tasks/:id', (req, res) => {
  run('DELETE FROM tasks WHERE id = ?', [Number(req.params.id)]);
  res.json({ deleted: true });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
