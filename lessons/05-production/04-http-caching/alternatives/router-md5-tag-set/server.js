import { createHash } from 'node:crypto';
import express from 'express';

const app = express();
app.use(express.json());
app.set('etag', false);

const books = new Map([
  [1, { id: 1, title: 'Dune', priceCents: 1299 }],
  [2, { id: 2, title: 'Emma', priceCents: 899 }],
  [3, { id: 3, title: 'Ulysses', priceCents: 1599 }],
]);

/** The tags of an If-None-Match header, weak prefixes dropped: `W/"a", "b"` → {"a", "b"}. */
function requestedTags(header = '') {
  return new Set(
    header
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean)
      .map((tag) => (tag.startsWith('W/') ? tag.slice(2) : tag)),
  );
}

const router = express.Router();

router.get('/:id', async (req, res) => {
  const book = books.get(Number(req.params.id));
  if (book === undefined) return res.status(404).json({ error: 'no such book' });
  const json = JSON.stringify(book);
  const etag = `"${createHash('md5').update(json).digest('hex')}"`;
  res.set({ 'Cache-Control': 'private, no-cache', ETag: etag });
  const tags = requestedTags(req.headers['if-none-match']);
  if (tags.has('*') || tags.has(etag)) return res.sendStatus(304);
  res.set('Content-Type', 'application/json; charset=utf-8').send(json);
});

router.put('/:id', (req, res) => {
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

app.use('/books', router);

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
