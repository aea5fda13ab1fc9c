import express from 'express';
import { all, get } from './db.js';

const app = express();

// Column names cannot be SQL parameters, so sorting goes through a whitelist.
// `id` as the last key makes the order total: equal prices still come out in one order.
const SORTS = {
  id: 'id',
  price: 'price_cents, id',
  '-price': 'price_cents DESC, id',
  name: 'name, id',
  '-name': 'name DESC, id',
};

/** A whole number in [min, max] from a query value, the fallback when absent, or undefined when invalid. */
function intParam(value, fallback, min, max) {
  if (value === undefined) return fallback;
  const number = Number(value);
  return Number.isInteger(number) && number >= min && number <= max ? number : undefined;
}

app.get('/products', (req, res) => {
  const limit = intParam(req.query.limit, 10, 1, 49);
  const offset = intParam(req.query.offset, 0, 0, Number.MAX_SAFE_INTEGER);
  const maxPrice = intParam(req.query.maxPrice, undefined, 0, Number.MAX_SAFE_INTEGER);
  const sort = req.query.sort ?? 'id';
  if (limit === undefined) return res.status(400).json({ error: 'limit must be a whole number from 1 to 50' });
  if (offset === undefined) return res.status(400).json({ error: 'offset must be a whole number, 0 or more' });
  if (req.query.maxPrice !== undefined && maxPrice === undefined) return res.status(400).json({ error: 'maxPrice must be a whole number of cents' });
  if (!Object.hasOwn(SORTS, sort)) return res.status(400).json({ error: `sort must be one of: ${Object.keys(SORTS).join(', ')}` });

  const conditions = [];
  const params = [];
  if (typeof req.query.category === 'string') {
    conditions.push('category = ?');
    params.push(req.query.category);
  }
  if (maxPrice !== undefined) {
    conditions.push('price_cents <= ?');
    params.push(maxPrice);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';

  const { total } = get(`SELECT COUNT(*) AS total FROM products ${where}`, params);
  const items = all(
    `SELECT id, name, category, price_cents AS priceCents FROM products ${where} ORDER BY ${SORTS[sort]} LIMIT ? OFFSET ?`,
    [...params, limit, offset],
  );
  res.json({ items, total, limit, offset });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
