import express from 'express';
import { all, countQueries, get, run } from './db.js';

const app = express();
app.use(express.json());
app.use(countQueries);

// One query, however many posts: the database joins each post to its author.
app.get('/posts', (req, res) => {
  const rows = all(`
    SELECT posts.id, posts.title, authors.id AS author_id, authors.name AS author_name
    FROM posts JOIN authors ON authors.id = posts.author_id
    ORDER BY authors.id, posts.id`);
  res.json(rows.map((row) => ({ id: row.id, title: row.title, author: { id: row.author_id, name: row.author_name } })));
});

app.post('/posts', (req, res) => {
  const { title, authorId } = req.body ?? {};
  if (typeof title !== 'string' || title === '' || !get('SELECT id FROM authors WHERE id = ?', [Number(authorId)])) {
    return res.status(400).json({ error: 'title and an existing authorId are required' });
  }
  const { lastId } = run('INSERT INTO posts (author_id, title) VALUES (?, ?)', [Number(authorId), title]);
  res.status(201).json({ id: lastId, title, authorId: Number(authorId) });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
