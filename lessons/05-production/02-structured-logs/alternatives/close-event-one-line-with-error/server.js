import { randomUUID } from 'node:crypto';
import express from 'express';

const app = express();
app.use(express.json());

function pickRequestId(header) {
  if (typeof header !== 'string') return randomUUID();
  return /^[\w.-]{1,64}$/.test(header) ? header : randomUUID();
}

function writeLog(entry) {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
}

function requestLogger(req, res, next) {
  const begin = process.hrtime.bigint();
  req.id = pickRequestId(req.headers['x-request-id']);
  res.setHeader('x-request-id', req.id);
  res.once('close', () => {
    const error = res.locals.error;
    writeLog({
      time: new Date().toISOString(),
      level: error ? 'error' : 'info',
      status: res.statusCode,
      method: req.method,
      path: req.originalUrl.split('?')[0],
      durationMs: Number(process.hrtime.bigint() - begin) / 1e6,
      requestId: req.id,
      userAgent: req.get('user-agent') ?? null,
      ...(error ? { error: { name: error.name, message: error.message, stack: error.stack } } : {}),
    });
  });
  next();
}

app.use(requestLogger);

const books = new Map([
  [1, { id: 1, title: 'Dune' }],
  [2, { id: 2, title: 'Emma' }],
]);
let nextId = 3;

function save(book) {
  return new Promise((resolve) => setImmediate(() => resolve(book)));
}

const router = express.Router();

router.get('/', (req, res) => res.json([...books.values()]));

router.get('/:id', (req, res) => {
  const book = books.get(Number(req.params.id));
  if (book === undefined) return res.status(404).json({ error: 'no such book' });
  return res.json(book);
});

router.post('/', async (req, res) => {
  const { title } = req.body ?? {};
  if (typeof title !== 'string' || !title.trim()) return res.status(400).json({ error: 'title is required' });
  const book = await save({ id: nextId++, title });
  books.set(book.id, book);
  res.status(201).json(book);
});

router.get('/:id/cover', () => {
  throw new Error('cover storage is offline');
});

app.use('/books', router);

app.get('/report', async (req, res) => {
  await new Promise((resolve) => setTimeout(resolve, 300));
  res.json({ books: books.size });
});

app.use((error, req, res, next) => {
  // The request's own log line carries the error (see requestLogger).
  res.locals.error = error;
  res.status(500).json({ error: 'internal error' });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => writeLog({ time: new Date().toISOString(), level: 'info', message: `listening on ${port}` }));
