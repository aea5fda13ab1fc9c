import { createHash } from 'node:crypto';
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

/** A strong ETag: a hash of the exact bytes sent, in quotes. Same bytes, same tag; any change, a new one. */
function etagOf(body) {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/**
 * If-None-Match holds "*" or a list of ETags, possibly weak (W/"…"). It uses the weak
 * comparison (RFC 9110, 13.1.2): W/"x" matches "x".
 */
function noneMatchHits(header, etag) {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag) => tag.trim();
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

app.get('/books/:id', (req, res) => {
  const book = books.get(Number(req.params.id));
  if (!book) return res.status(404).json({ error: 'no such book' });
  const body = JSON.stringify(book);
  const etag = etagOf(body);
  // Both headers go on the 304 too: it updates what the cache has stored.
  res.set('Cache-Control', 'no-cache');
  res.set('ETag', etag);
  if (noneMatchHits(req.get('if-none-match'), etag)) return res.status(304).end();
  res.type('application/json').send(body);
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
