import express from 'express';
import { all, get } from './db.js';

const app = express();

/** A positive whole number from the query string, or `fallback`. */
function positiveInt(value, fallback) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

// GET /products?page=1&limit=5 — pages are numbered from 1, like the shop's page links.
app.get('/products', (req, res) => {
  const page = positiveInt(req.query.page, 1);
  const limit = Math.min(positiveInt(req.query.limit, 10), 50);
  // Page 1 starts at row 0: skip the rows of the pages *before* this one.
  const offset = page * limit - 1;
  const items = all('SELECT * FROM products ORDER BY id LIMIT ? OFFSET ?', [limit, offset]);
  const { total } = get('SELECT COUNT(*) AS total FROM products');
  res.json({ page, limit, total, totalPages: Math.ceil(total / limit), items });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
