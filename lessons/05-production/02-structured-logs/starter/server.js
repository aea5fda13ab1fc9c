import express from 'express';

const app = express();
app.use(express.json());

// TODO: a middleware, before the routes, that
//   - takes the request id from the X-Request-Id header when it is a safe token (1 to 64
//     letters, digits, "-", "_" or "."), or else makes one with randomUUID() from node:crypto;
//   - sends it back in the X-Request-Id response header;
//   - when the response is finished, prints ONE line of JSON on stdout:
//     { "requestId", "method", "path" (no query string), "status", "durationMs" }.

const books = new Map([
  [1, { id: 1, title: 'Dune' }],
  [2, { id: 2, title: 'Emma' }],
]);
let nextId = 3;

/** Stands in for a database write: it answers a moment later, as a real one does. */
function save(book) {
  return new Promise((resolve) => setImmediate(() => resolve(book)));
}

app.get('/books', (req, res) => {
  res.json([...books.values()]);
});

app.get('/books/:id', (req, res) => {
  const book = books.get(Number(req.params.id));
  if (!book) return res.status(404).json({ error: 'no such book' });
  res.json(book);
});

app.post('/books', async (req, res) => {
  const title = req.body?.title;
  if (typeof title !== 'string' || title.trim() === '') return res.status(400).json({ error: 'title is required' });
  const book = await save({ id: nextId++, title });
  books.set(book.id, book);
  res.status(201).json(book);
});

// A slow route: the report takes about 300 ms to build.
app.get('/report', async (req, res) => {
  await new Promise((resolve) => setTimeout(resolve, 300));
  res.json({ books: books.size });
});

// A dependency that is down: every call throws.
app.get('/books/:id/cover', () => {
  throw new Error('cover storage is offline');
});

// Errors end here: the client gets a plain 500, never the stack.
app.use((error, req, res, next) => {
  // TODO: log the error as one JSON line with the request id and error.stack.
  res.status(500).json({ error: 'internal error' });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(JSON.stringify({ message: 'listening', port: Number(port) })));
