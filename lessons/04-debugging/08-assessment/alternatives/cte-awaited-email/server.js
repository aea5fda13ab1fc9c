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

// GET /books?page=1&limit=4 — pages are numbered from 1.
app.get('/books', (req, res) => {
  const page = positiveInt(req.query.page, 1);
  const limit = Math.min(positiveInt(req.query.limit, 10), 50);
  // One query for every book and its average rating (LEFT JOIN: books without reviews stay).
  const books = all(`
    WITH ratings AS (SELECT book_id, ROUND(AVG(rating), 1) AS avg_rating FROM reviews GROUP BY book_id)
    SELECT b.*, r.avg_rating FROM books AS b LEFT JOIN ratings AS r ON r.book_id = b.id
    ORDER BY b.id`);
  const offset = (page - 1) * limit;
  // slice's end index is exclusive: offset + limit is one past the last item of this page.
  const items = books.slice(offset, offset + limit).map((book) => ({ rating: book.avg_rating, ...summary(book) }));
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
  if (!book) return res.status(404).json({ error: 'no such book' });
  const reviews = all('SELECT id, rating, text FROM reviews WHERE book_id = ? ORDER BY id', [Number(req.params.id)]);
  res.json({ ...summary(book), stock: book.stock, reviews });
});

app.post('/books/:id/reviews', async (req, res) => {
  const book = get('SELECT id FROM books WHERE id = ?', [Number(req.params.id)]);
  if (!book) return res.status(404).json({ error: 'no such book' });
  const { rating, text } = req.body ?? {};
  if (!Number.isInteger(rating) || rating < 1 || rating > 5 || typeof text !== 'string' || text.trim() === '') {
    return res.status(400).json({ error: 'rating (1–5) and text are required' });
  }
  const { id } = await saveReview(book.id, rating, text);
  res.status(201).json(get('SELECT id, rating, text FROM reviews WHERE id = ?', [id]));
});

/** An error with the HTTP status to answer it with. */
class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Takes the copies, charges for them and records one order line; resolves with the order. */
async function placeOrder(bookId, quantity) {
  if (!Number.isInteger(quantity) || quantity < 1) throw new HttpError(400, 'quantity must be a positive whole number');
  const book = get('SELECT * FROM books WHERE id = ?', [Number(bookId)]);
  if (!book) throw new HttpError(404, 'no such book');

  // Take the copies first, in one statement that re-checks the stock: of two orders for the
  // last copy only one gets it, and the other is refused before anyone is charged.
  const { changes } = run('UPDATE books SET stock = stock - ? WHERE id = ? AND stock >= ?', [quantity, book.id, quantity]);
  if (changes === 0) throw new HttpError(409, 'not enough copies in stock');

  let payment;
  try {
    payment = await chargeCard(PRICE_CENTS * quantity);
  } catch (error) {
    // No payment, no sale: put the copies back for the next customer.
    run('UPDATE books SET stock = stock + ? WHERE id = ?', [quantity, book.id]);
    throw new HttpError(502, `the payment failed: ${error.message}`);
  }
  const { lastId } = run('INSERT INTO orders (book_id, quantity, created_at) VALUES (?, ?, ?)', [book.id, quantity, new Date().toISOString()]);
  // The e-mail is not part of the answer, but its failure must be handled: an unhandled
  // rejection ends the process. The order stands; log the failure so it can be resent.
  try {
    await sendConfirmation(lastId);
  } catch (error) {
    console.error(`confirmation for order ${lastId} failed; resend it later: ${error.message}`);
  }
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
