// Named parameters ($email), a Router and async handlers: still no input inside the SQL text.
import express from 'express';
import { all, get } from './db.js';

const app = express();
const shop = express.Router();

shop.get('/orders/track', async (req, res) => {
  const order = get(
    'SELECT o.id, o.ordered_at, o.status, o.total_cents FROM orders AS o JOIN customers AS c ON c.id = o.customer_id WHERE c.email = $email AND o.id = $id',
    { $email: String(req.query.email ?? ''), $id: String(req.query.orderId ?? '') },
  );
  if (order === undefined) {
    res.status(404).json({ error: 'No such order for this e-mail' });
    return;
  }
  res.json({ totalCents: order.total_cents, status: order.status, orderedAt: order.ordered_at, id: order.id });
});

shop.get('/products/search', async (req, res) => {
  const pattern = '%' + String(req.query.q ?? '') + '%';
  const rows = all('SELECT name, price_cents FROM products WHERE name LIKE $pattern ORDER BY name', { $pattern: pattern });
  res.json(rows.map(({ name, price_cents }) => ({ name, priceCents: price_cents })));
});

app.use(shop);

app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: 'Internal Server Error' });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
