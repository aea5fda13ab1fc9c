import express from 'express';
import { all, countQueries, get, run } from './db.js';
import { saveReview } from './reviews.js';
import { chargeCard, sendConfirmation } from './services.js';

const app = express();
app.use(express.json());
app.use(countQueries);

const PRICE_CENTS = 1500;

function positiveInt(value, fallback) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function summary(book) {
  return { id: book.id, title: book.title, author: book.author, inStock: book.stock > 0 };
}

/** The book's average review rating (one decimal), or null without reviews. */
function averageRating(bookId) {
  return get('SELECT ROUND(AVG(rating), 1) AS rating FROM reviews WHERE book_id = ?', [bookId]).rating;
}

// GET /books?page=1&limit=4 — pages are numbered from 1.
app.get('/books', (req, res) => {
  const page = positiveInt(req.query.page, 1);
  const limit = Math.min(positiveInt(req.query.limit, 10), 50);
  const books = all('SELECT * FROM books ORDER BY id');
  const offset = (page - 1) * limit;
  const items = books.slice(offset, offset + limit - 1).map((book) => ({ ...summary(book), rating: averageRating(book.id) }));
  res.json({ page, limit, total: books.length, totalPages: Math.ceil(books.length / limit), items });
});

app.post('/books', (req, res) => {
  const { title, author, stock } = req.body ?? {};
  if (typeof title !== 'string' || typeof author !== 'string' || !Number.isInteger(stock) || stock < 0) {
    return res.status(400).json({ error: 'title, author and a whole, non-negative stock are required' });
  }
  const { lastId } = run('INSERT INTO books (title, author, stock) VALUES (?, ?, ?)', [title, author, stock]);
  res.status(201).json(summary(get('SELECT * FROM books WHERE id = ?', [lastId])));
});

app.get('/books/:id', (req, res) => {
  const book = get('SELECT * FROM books WHERE id = ?', [Number(req.params.id)]);
  const reviews = all('SELECT id, rating, text FROM reviews WHERE book_id = ? ORDER BY id', [Number(req.params.id)]);
  res.json({ ...summary(book), stock: book.stock, reviews });
});

app.post('/books/:id/reviews', (req, res) => {
  const book = get('SELECT id FROM books WHERE id = ?', [Number(req.params.id)]);
  if (!book) return res.status(404).json({ error: 'no such book' });
  const { rating, text } = req.body ?? {};
  if (!Number.isInteger(rating) || rating < 1 || rating > 5 || typeof text !== 'string' || text.trim() === '') {
    return res.json({ error: 'rating (1–5) and text are required' });
  }
  const review = saveReview(book.id, rating, text);
  res.status(201).json(review);
});

/** An error with the HTTP status to answer it with. */
class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Charges for and records one order line; resolves with the order. */
async function placeOrder(bookId, quantity) {
  if (!Number.isInteger(quantity) || quantity < 1) throw new HttpError(400, 'quantity must be a positive whole number');
  const book = get('SELECT * FROM books WHERE id = ?', [Number(bookId)]);
  if (!book) throw new HttpError(404, 'no such book');
  if (book.stock < quantity) throw new HttpError(409, 'not enough copies in stock');

  const payment = await chargeCard(PRICE_CENTS * quantity);

  run('UPDATE books SET stock = ? WHERE id = ?', [book.stock - quantity, book.id]);
  const { lastId } = run('INSERT INTO orders (book_id, quantity, created_at) VALUES (?, ?, ?)', [book.id, quantity, new Date().toISOString()]);
  // The e-mail is not part of the answer: send it without making the customer wait.
  sendConfirmation(lastId).then(() => console.log(`confirmation sent for order ${lastId}`));
  return { id: lastId, bookId: book.id, quantity, paymentId: payment.paymentId };
}

app.post('/orders', async (req, res) => {
  const { bookId, quantity } = req.body ?? {};
  try {
    res.status(201).json(await placeOrder(bookId, quantity));
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    res.status(error.status).json({ error: error.message });
  }
});

// Checks out a whole cart: its lines are independent, so they are placed in parallel.
app.post('/cart/checkout', async (req, res) => {
  const items = req.body?.items;
  if (!Array.isArray(items) || items.length === 0) return res.status(400).json({ error: 'items must be a non-empty list of { bookId, quantity }' });
  const outcomes = await Promise.allSettled(items.map((item) => placeOrder(item?.bookId, item?.quantity)));
  res.json({
    lines: outcomes.map((outcome) => (outcome.status === 'fulfilled' ? { ordered: true, order: outcome.value } : { ordered: false, error: outcome.reason.message })),
  });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
