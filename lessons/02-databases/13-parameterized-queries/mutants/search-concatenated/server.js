import express from 'express';
import { all, get } from './db.js';

const app = express();

// Order tracking: a customer enters their e-mail and order number.
app.get('/orders/track', (req, res) => {
  const { email, orderId } = req.query;
  const order = get(
    `SELECT o.id, o.ordered_at, o.status, o.total_cents
     FROM orders o JOIN customers c ON c.id = o.customer_id
     WHERE o.id = ? AND c.email = ?`,
    [Number(orderId), String(email ?? '')],
  );
  if (!order) return res.status(404).json({ error: 'No such order for this e-mail' });
  res.json({ id: order.id, orderedAt: order.ordered_at, status: order.status, totalCents: order.total_cents });
});

// Product search. The wildcards are part of the value, not of the SQL.
app.get('/products/search', (req, res) => {
  const q = String(req.query.q ?? '');
  const products = all("SELECT name, price_cents FROM products WHERE name LIKE '%" + q + "%' ORDER BY name");
  res.json(products.map((p) => ({ name: p.name, priceCents: p.price_cents })));
});

app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: 'Internal Server Error' });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
