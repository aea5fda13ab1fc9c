import express from 'express';
import { orders } from './orders.js';
import { formatReceipt } from './receipt.js';

const app = express();

app.get('/orders', (req, res) => {
  res.json(orders.map((order) => ({ id: order.id, customerId: order.customer?.id ?? null })));
});

app.get('/orders/:id/receipt', (req, res) => {
  const order = orders.find((o) => o.id === Number(req.params.id));
  if (!order) return res.status(404).json({ error: 'no such order' });
  try {
    res.json(formatReceipt(order));
  } catch {
    res.status(422).json({ error: 'cannot print this receipt' });
  }
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
