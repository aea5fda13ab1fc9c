import express from 'express';
import { all, countQueries, get, run } from './db.js';

const app = express();
app.use(express.json());
app.use(countQueries);

// One query, however many posts: the database joins each post to its author.
app.get('/posts', (req, res) => {
  const rows = all(`
    SELECT p.id, p.title, p.author_id AS aid, (SELECT a.name FROM authors AS a WHERE a.id = p.author_id) AS aname
    FROM posts AS p
    ORDER BY p.id`);
  res.json(rows.map(({ id, title, aid, aname }) => ({ title, id, author: { name: aname, id: aid } })));
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
