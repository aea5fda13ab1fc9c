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

// Four parameters is how Express recognises an error handler.
app.use((err, req, res, next) => {
  const status = Number.isInteger(err.status) && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status === 500) {
    // The details are for us, in the log — never for the client.
    console.error(`${req.method} ${req.originalUrl} failed:`, err);
    // Exits once the 500 is handed to the socket: the next request finds no server.
    res.on('finish', () => process.exit(1));
    return res.status(500).json({ error: 'Internal Server Error' });
  }
  // express.json() marks a body that is not JSON as status 400, type 'entity.parse.failed'.
  const message = err.type === 'entity.parse.failed' ? 'The request body is not valid JSON' : err.message;
  res.status(status).json({ error: message });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
