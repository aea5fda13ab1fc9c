// Pessimistic variant: compare and write inside BEGIN IMMEDIATE, with no await in between.
// BEGIN IMMEDIATE takes SQLite's write lock at once, so no other connection can write
// between the SELECT and the UPDATE.
import express from 'express';
import { get, run } from './db.js';
import { recordAudit } from './audit.js';

const app = express();
const products = express.Router();
app.use(express.json());

const toJson = (p) => ({ version: p.version, stock: p.stock, priceCents: p.price_cents, name: p.name, id: p.id });

products.get('/:id', (req, res) => {
  const product = get('SELECT * FROM products WHERE id = ?', [Number(req.params.id)]);
  if (!product) return res.status(404).json({ error: 'Product not found' });
  res.json(toJson(product));
});

products.put('/:id', async (req, res) => {
  const id = Number(req.params.id);
  const { name, priceCents, stock, version } = req.body ?? {};
  const valid = typeof name === 'string' && name.trim() !== '' && Number.isInteger(priceCents) && priceCents > 0 && Number.isInteger(stock) && stock >= 0;
  if (!valid || !Number.isInteger(version)) return res.status(400).json({ error: 'name, priceCents, stock and version are required' });
  await recordAudit(id, { name, priceCents, stock });

  run('BEGIN IMMEDIATE');
  let outcome;
  try {
    const current = get('SELECT version FROM products WHERE id = ?', [id]);
    if (!current) outcome = 404;
    else if (current.version !== version) outcome = 409;
    else {
      run('UPDATE products SET name = ?, price_cents = ?, stock = ?, version = ? WHERE id = ?', [name, priceCents, stock, version + 1, id]);
      outcome = 200;
    }
    run('COMMIT');
  } catch (error) {
    run('ROLLBACK');
    throw error;
  }
  if (outcome === 404) return res.status(404).json({ error: 'Product not found' });
  if (outcome === 409) return res.status(409).json({ error: 'Changed by someone else since you read it' });
  res.json(toJson(get('SELECT * FROM products WHERE id = ?', [id])));
});

app.use('/products', products);

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
