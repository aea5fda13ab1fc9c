import express from 'express';

const app = express();
app.use(express.json());

const CATALOG = 'https://catalog.test';
const MAX_AGE_MS = 60 * 1000;
/** id → { fetchedAt, product } */
const products = new Map();

function fresh(entry) {
  return entry !== undefined && Date.now() - entry.fetchedAt < MAX_AGE_MS;
}

const router = express.Router();

router.get('/:id', async (req, res) => {
  const { id } = req.params;
  if (fresh(products.get(id))) return res.json(products.get(id).product);
  const upstream = await fetch(`${CATALOG}/products/${encodeURIComponent(id)}`).catch(() => null);
  if (upstream === null) return res.status(502).json({ error: 'the catalog service is unreachable' });
  if (upstream.status === 404) return res.status(404).json({ error: 'no such product' });
  if (!upstream.ok) return res.status(502).json({ error: `the catalog service answered ${upstream.status}` });
  const product = await upstream.json();
  products.set(id, { fetchedAt: Date.now(), product });
  res.json(product);
});

router.put('/:id', async (req, res) => {
  const { id } = req.params;
  const upstream = await fetch(`${CATALOG}/products/${encodeURIComponent(id)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(req.body ?? {}),
  }).catch(() => null);
  // Failed or refused: the old copy may be wrong now, so it goes.
  products.delete(id);
  if (upstream === null) return res.status(502).json({ error: 'the catalog service is unreachable' });
  if (upstream.status >= 500) return res.status(502).json({ error: `the catalog service answered ${upstream.status}` });
  const body = await upstream.json();
  // Saved: the catalog's answer is the new version, so it replaces the entry.
  if (upstream.ok) products.set(id, { fetchedAt: Date.now(), product: body });
  res.status(upstream.status).json(body);
});

app.use('/products', router);

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
