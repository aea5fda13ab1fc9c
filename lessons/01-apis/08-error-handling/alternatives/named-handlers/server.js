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

function notFound(req, res) {
  res.status(404).json({ error: 'Not found', path: req.originalUrl });
}

function isClientError(err) {
  return typeof err.status === 'number' && Math.floor(err.status / 100) === 4;
}

function errorHandler(err, req, res, next) {
  if (isClientError(err)) {
    const error = err.type === 'entity.parse.failed' ? 'Malformed JSON in the request body' : err.message;
    return res.status(err.status).send({ error, status: err.status });
  }
  console.error(err.stack ?? err);
  res.status(500).send({ error: 'Something went wrong on our side', status: 500 });
}

app.use(notFound);
app.use(errorHandler);

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
