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

// Saves the admin form: { name, priceCents, stock, version }.
// TODO: two admins who opened the form at the same version must not overwrite each other:
// only save when the product is still at the version the client read (else 409).
app.put('/products/:id', async (req, res) => {
  const id = Number(req.params.id);
  const { name, priceCents, stock } = req.body ?? {};
  if (typeof name !== 'string' || name.trim() === '' || !Number.isInteger(priceCents) || priceCents <= 0 || !Number.isInteger(stock) || stock < 0) {
    return res.status(400).json({ error: 'name, priceCents (> 0) and stock (>= 0) are required' });
  }
  const current = get('SELECT * FROM products WHERE id = ?', [id]);
  if (!current) return res.status(404).json({ error: 'Product not found' });

  await recordAudit(id, { name, priceCents, stock });

  run('UPDATE products SET name = ?, price_cents = ?, stock = ?, version = ? WHERE id = ?', [name, priceCents, stock, current.version + 1, id]);
  res.json(toJson(get('SELECT * FROM products WHERE id = ?', [id])));
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
