import express from 'express';
import { HttpError } from './errors.js';
import { orders, loadDailyReport } from './orders.js';

const app = express();
app.use(express.json());

function findOrder(idText) {
  const id = Number(idText);
  if (!Number.isInteger(id)) throw new HttpError(400, 'id must be a whole number');
  const order = orders.find((o) => o.id === id);
  if (!order) throw new HttpError(404, 'Order not found');
  return order;
}

app.get('/orders/:id', (req, res) => {
  res.json(findOrder(req.params.id));
});

app.get('/orders/:id/total', (req, res) => {
  const order = findOrder(req.params.id);
  const total = order.items.reduce((sum, item) => sum + item.price * item.qty, 0);
  res.json({ id: order.id, total });
});

app.post('/orders', (req, res) => {
  const { customer, items } = req.body;
  if (typeof customer !== 'string' || !Array.isArray(items)) {
    throw new HttpError(400, 'customer (string) and items (array) are required');
  }
  const order = { id: orders.length + 1, customer, items };
  orders.push(order);
  res.status(201).json(order);
});

// Express 5 passes a rejected promise from an async handler to the error handler for you.
app.get('/reports/daily', async (req, res) => {
  res.json(await loadDailyReport());
});

app.use((req, res) => {
  res.status(404).json({ error: 'Not found' });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
