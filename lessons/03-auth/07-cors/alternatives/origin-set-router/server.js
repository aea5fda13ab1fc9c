import express from 'express';

const app = express();
app.use(express.json());

// The one web front-end allowed to call this API from the browser.
const ALLOWED_ORIGIN = process.env.ALLOWED_ORIGIN ?? 'http://localhost:5173';

// CORS with a set of allowed origins, the headers set in one call, and 200 for the preflight.
const ALLOWED_ORIGINS = new Set([ALLOWED_ORIGIN]);

function cors(req, res, next) {
  const origin = req.headers.origin;
  res.append('Vary', 'Origin');
  if (origin === undefined || !ALLOWED_ORIGINS.has(origin)) return next();
  res.set({ 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' });
  if (req.method !== 'OPTIONS') return next();
  res.set({
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': req.get('access-control-request-headers') ?? 'Content-Type',
  });
  res.sendStatus(200);
}

const api = express.Router();
api.use(cors);
app.use('/api', api);

const quotes = [
  { id: 1, text: 'Make it work, make it right, make it fast.', author: 'Kent Beck' },
  { id: 2, text: 'Simplicity is prerequisite for reliability.', author: 'Edsger Dijkstra' },
];

api.get('/quotes', (req, res) => {
  res.json(quotes);
});

api.post('/quotes', (req, res) => {
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
