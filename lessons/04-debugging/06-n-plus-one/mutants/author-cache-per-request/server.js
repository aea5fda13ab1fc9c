import express from 'express';
import { all, countQueries, get, run } from './db.js';

const app = express();
app.use(express.json());
app.use(countQueries);

// One query, however many posts: the database joins each post to its author.
app.get('/posts', (req, res) => {
  const posts = all('SELECT id, title, author_id FROM posts ORDER BY id');
  // Each author is fetched once per request, however many posts they wrote.
  const authors = new Map();
  const authorOf = (id) => {
    if (!authors.has(id)) authors.set(id, get('SELECT id, name FROM authors WHERE id = ?', [id]));
    return authors.get(id);
  };
  res.json(posts.map((post) => ({ id: post.id, title: post.title, author: authorOf(post.author_id) })));
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
