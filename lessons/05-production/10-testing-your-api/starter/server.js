// A small to-do API, given and correct. Your work is api.test.js: tests that would notice if
// this server broke. Keep this file as it is: the checks make broken copies of it.
import express from 'express';

const app = express();
app.use(express.json());

// In memory: every start begins with no to-dos.
const todos = new Map();
let nextId = 1;

app.get('/todos', (req, res) => {
  res.json([...todos.values()]);
});

app.post('/todos', (req, res) => {
  const title = req.body?.title;
  if (typeof title !== 'string' || title.trim() === '') {
    return res.status(400).json({ error: 'title must be a non-empty string' });
  }
  const todo = { id: nextId++, title, done: false };
  todos.set(todo.id, todo);
  res.status(201).json(todo);
});

app.get('/todos/:id', (req, res) => {
  const todo = todos.get(Number(req.params.id));
  if (!todo) return res.status(404).json({ error: 'no such todo' });
  res.json(todo);
});

app.delete('/todos/:id', (req, res) => {
  if (!todos.delete(Number(req.params.id))) return res.status(404).json({ error: 'no such todo' });
  res.status(204).end();
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Server listening on http://localhost:${port}`));
