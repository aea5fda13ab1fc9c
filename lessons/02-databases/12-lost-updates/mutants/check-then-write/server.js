import express from 'express';
import { get, run } from './db.js';
import { recordAudit } from './audit.js';

const app = express();
app.use(express.json());

function toJson(product) {
  return { id: product.id, name: product.name, priceCents: product.price_cents, stock: product.stock, version: product.version };
}

app.get('/products/:id', (req, res) => {
  const product = get('SELECT * FROM products WHERE id = ?', [Number(req.params.id)]);
  if (!product) return res.status(404).json({ error: 'Product not found' });
  res.json(toJson(product));
});

// Saves the admin form: { name, priceCents, stock, version }. Optimistic locking: the save
// only applies if the product is still at the version the client read.
app.put('/products/:id', async (req, res) => {
  const id = Number(req.params.id);
  const { name, priceCents, stock, version } = req.body ?? {};
  if (typeof name !== 'string' || name.trim() === '' || !Number.isInteger(priceCents) || priceCents <= 0 || !Number.isInteger(stock) || stock < 0) {
    return res.status(400).json({ error: 'name, priceCents (> 0) and stock (>= 0) are required' });
  }
  if (!Number.isInteger(version)) return res.status(400).json({ error: 'version (the one you read) is required' });

  const seen = get('SELECT version FROM products WHERE id = ?', [id]);
  if (seen && seen.version !== version) return res.status(409).json({ error: 'The product was changed by someone else' });

  await recordAudit(id, { name, priceCents, stock });

  const { changes } = run(
    'UPDATE products SET name = ?, price_cents = ?, stock = ?, version = version + 1 WHERE id = ?',
    [name, priceCents, stock, id],
  );
  if (changes === 0) {
    const current = get('SELECT * FROM products WHERE id = ?', [id]);
    if (!current) return res.status(404).json({ error: 'Product not found' });
    return res.status(409).json({ error: 'The product was changed by someone else: reload it and try again', current: toJson(current) });
  }
  res.json(toJson(get('SELECT * FROM products WHERE id = ?', [id])));
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
