import express from 'express';

const app = express();
app.use(express.json());

// The one web front-end allowed to call this API from the browser.
const ALLOWED_ORIGIN = process.env.ALLOWED_ORIGIN ?? 'http://localhost:5173';

// "The front-end sends its session cookie and the browser refused '*', so someone wrote
// this": it echoes whatever Origin asks and allows credentials — so every site on the internet
// may now read these responses with its visitors' cookies attached. And the front-end's JSON
// POST still fails: its preflight request is not answered.
app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin) {
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Allow-Credentials', 'true');
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
