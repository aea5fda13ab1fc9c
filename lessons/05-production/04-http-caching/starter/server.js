import express from 'express';

const app = express();
app.use(express.json());
// Express would add a weak ETag to every response by itself; in this lesson you write your own.
app.set('etag', false);

const books = new Map([
  [1, { id: 1, title: 'Dune', priceCents: 1299 }],
  [2, { id: 2, title: 'Emma', priceCents: 899 }],
  [3, { id: 3, title: 'Ulysses', priceCents: 1599 }],
]);

app.get('/books/:id', (req, res) => {
  const book = books.get(Number(req.params.id));
  if (!book) return res.status(404).json({ error: 'no such book' });
  // TODO: send Cache-Control: no-cache and a strong ETag computed from the body you send; when
  // the request's If-None-Match matches that ETag, answer 304 with no body instead.
  res.json(book);
});

app.put('/books/:id', (req, res) => {
  const book = books.get(Number(req.params.id));
  if (!book) return res.status(404).json({ error: 'no such book' });
  const { title, priceCents } = req.body ?? {};
  if (typeof title !== 'string' || title.trim() === '' || !Number.isInteger(priceCents) || priceCents < 0) {
    return res.status(400).json({ error: 'send { "title": "…", "priceCents": 1299 }' });
  }
  const updated = { id: book.id, title, priceCents };
  books.set(book.id, updated);
  res.json(updated);
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
