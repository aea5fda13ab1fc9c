import { randomUUID } from 'node:crypto';
import express from 'express';

const app = express();
app.use(express.json());

/** An incoming request id we may repeat in headers and logs: short, and no spaces, quotes or newlines. */
const SAFE_REQUEST_ID = /[A-Za-z0-9._-]{1,64}/;

app.use((req, res, next) => {
  const incoming = req.get('x-request-id');
  const requestId = incoming !== undefined && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.id = requestId;
  res.set('X-Request-Id', requestId);
  const started = performance.now();
  // 'finish': the response has been handed over, so its status is final.
  res.on('finish', () => {
    console.log(JSON.stringify({
      requestId,
      method: req.method,
      // req.path has no query string: queries carry tokens and personal data.
      path: req.path,
      status: res.statusCode,
      durationMs: Math.round(performance.now() - started),
    }));
  });
  next();
});

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
  console.log(JSON.stringify({ level: 'error', requestId: req.id, message: error.message, stack: error.stack }));
  res.status(500).json({ error: 'internal error' });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(JSON.stringify({ message: 'listening', port: Number(port) })));
