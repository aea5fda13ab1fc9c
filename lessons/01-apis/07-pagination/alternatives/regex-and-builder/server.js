import express from 'express';
import { all, get } from './db.js';

const app = express();

// Column names cannot be SQL parameters: each allowed sort maps to fixed [column, direction] pairs,
// with id last so that equal values still come out in one order.
const SORTS = new Map([
  ['id', [['id', 'ASC']]],
  ['price', [['price_cents', 'ASC'], ['id', 'ASC']]],
  ['-price', [['price_cents', 'DESC'], ['id', 'ASC']]],
  ['name', [['name', 'ASC'], ['id', 'ASC']]],
  ['-name', [['name', 'DESC'], ['id', 'ASC']]],
]);

class BadParam extends Error {}

/** A whole number from a query value: the fallback when absent, else it must be digits within [min, max]. */
function wholeNumber(name, value, fallback, min, max) {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new BadParam(`${name} must be a whole number`);
  const number = Number(value);
  if (number < min || number > max) throw new BadParam(`${name} must be between ${min} and ${max}`);
  return number;
}

app.get('/products', async (req, res) => {
  let limit, offset, maxPrice, order;
  try {
    limit = wholeNumber('limit', req.query.limit, 10, 1, 50);
    offset = wholeNumber('offset', req.query.offset, 0, 0, Number.MAX_SAFE_INTEGER);
    maxPrice = wholeNumber('maxPrice', req.query.maxPrice, undefined, 0, Number.MAX_SAFE_INTEGER);
    order = SORTS.get(req.query.sort ?? 'id');
    if (order === undefined) throw new BadParam(`sort must be one of ${[...SORTS.keys()].join(', ')}`);
  } catch (error) {
    if (error instanceof BadParam) return res.status(400).json({ error: error.message });
    throw error;
  }

  const filters = [];
  if (typeof req.query.category === 'string') filters.push(['category = ?', req.query.category]);
  if (maxPrice !== undefined) filters.push(['price_cents <= ?', maxPrice]);
  const where = filters.length > 0 ? `WHERE ${filters.map(([sql]) => sql).join(' AND ')}` : '';
  const values = filters.map(([, value]) => value);
  const orderBy = order.map(([column, direction]) => `${column} ${direction}`).join(', ');

  const total = get(`SELECT COUNT(*) AS n FROM products ${where}`, values).n;
  const items = all(`SELECT id, name, category, price_cents AS priceCents FROM products ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`, [...values, limit, offset]);
  res.json({ total, limit, offset, hasMore: offset + items.length < total, items });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
