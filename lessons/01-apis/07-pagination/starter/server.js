import express from 'express';
import { all } from './db.js';

const app = express();

// TODO: answer { items, total, limit, offset }:
//   ?limit=   1..50, default 10      ?offset=  0 or more, default 0      (else 400)
//   ?category=books|games|garden     ?maxPrice= whole number of cents   (filters)
//   ?sort=    id (default), price, -price, name, -name                  (else 400)
//   total = how many products match the filters, across all pages.
app.get('/products', (req, res) => {
  const items = all('SELECT id, name, category, price_cents AS priceCents FROM products');
  res.json(items);
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
