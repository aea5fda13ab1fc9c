import express from 'express';

const app = express();
app.use(express.json());

// The one web front-end allowed to call this API from the browser.
const ALLOWED_ORIGIN = process.env.ALLOWED_ORIGIN ?? 'http://localhost:5173';

// CORS: tell browsers which other origin may read our responses. Only ALLOWED_ORIGIN gets the
// headers; any other site's page can still send requests, but its script cannot read answers.
app.use((req, res, next) => {
  // Caches must not hand one origin's answer to another.
  res.vary('Origin');
  if (req.get('origin') !== ALLOWED_ORIGIN) return next();
  res.set('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  // The front-end sends its session cookie (fetch with credentials: 'include'): the browser
  // lets it read the answer only with this header — and only for an exact origin, never '*'.
  res.set('Access-Control-Allow-Credentials', 'true');
  if (req.method === 'OPTIONS' && req.get('access-control-request-method') === 'DELETE') {
    // The preflight: the browser asks before a JSON POST whether it may send it.
    res.set('Access-Control-Allow-Methods', 'GET, POST');
    res.set('Access-Control-Allow-Headers', 'Content-Type');
    res.set('Access-Control-Max-Age', '600');
    return res.status(204).end();
  }
  next();
});

const quotes = [
  { id: 1, text: 'Make it work, make it right, make it fast.', author: 'Kent Beck' },
  { id: 2, text: 'Simplicity is prerequisite for reliability.', author: 'Edsger Dijkstra' },
];

app.get('/api/quotes', (req, res) => {
  res.json(quotes);
});

app.post('/api/quotes', (req, res) => {
  const { text, author } = req.body ?? {};
  if (typeof text !== 'string' || typeof author !== 'string') {
    return res.status(400).json({ error: 'text and author are required' });
  }
  const quote = { id: quotes.length + 1, text, author };
  quotes.push(quote);
  res.status(201).json(quote);
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
