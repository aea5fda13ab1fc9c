import express from 'express';

const app = express();
app.use(express.json());

// The catalog service owns the products. It is slow: every call costs your user time.
const CATALOG = 'https://catalog.test';

/** How long a product read from the catalog is served from memory. */
const TTL_MS = 60_000;
/** Product id (as in the URL) → { product, expiresAt }: one entry per product, only successful reads. */
const cache = new Map();

app.get('/products/:id', async (req, res) => {
  const id = req.params.id;
  const entry = cache.get(id);
  if (entry && Date.now() < entry.expiresAt) return res.json(entry.product);
  let upstream;
  try {
    upstream = await fetch(`${CATALOG}/products/${encodeURIComponent(id)}`);
  } catch {
    return res.status(502).json({ error: 'the catalog service is unreachable' });
  }
  if (upstream.status === 404) return res.status(404).json({ error: 'no such product' });
  // A failure is not stored: the next read asks the catalog again.
  if (!upstream.ok) return res.status(502).json({ error: `the catalog service answered ${upstream.status}` });
  const product = await upstream.json();
  cache.set(id, { product, expiresAt: Date.now() + TTL_MS });
  res.json(product);
});

app.put('/products/:id', async (req, res) => {
  const id = req.params.id;
  let upstream;
  try {
    upstream = await fetch(`${CATALOG}/products/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(req.body ?? {}),
    });
  } catch {
    return res.status(502).json({ error: 'the catalog service is unreachable' });
  } finally {
    // Saved, refused, or failed half-way (the write may have reached the catalog before the
    // connection broke): the copy may be out of date, so the next GET reads the catalog again.
    cache.delete(Number(id));
  }
  if (upstream.status >= 500) return res.status(502).json({ error: `the catalog service answered ${upstream.status}` });
  // A 2xx (the saved product) or a 4xx (the catalog's reason for refusing) is passed on as it is.
  res.status(upstream.status).json(await upstream.json());
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
