import express from 'express';

const app = express();
app.use(express.json());

// The catalog service owns the products. It is slow: every call costs your user time.
const CATALOG = 'https://catalog.test';

// TODO: keep each product you read in a Map for 60 s, and serve it from there while it is fresh.

app.get('/products/:id', async (req, res) => {
  const id = req.params.id;
  let upstream;
  try {
    upstream = await fetch(`${CATALOG}/products/${encodeURIComponent(id)}`);
  } catch {
    return res.status(502).json({ error: 'the catalog service is unreachable' });
  }
  if (upstream.status === 404) return res.status(404).json({ error: 'no such product' });
  if (!upstream.ok) return res.status(502).json({ error: `the catalog service answered ${upstream.status}` });
  const product = await upstream.json();
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
  }
  // TODO: the product may have changed: make the next GET read it from the catalog again.
  if (upstream.status >= 500) return res.status(502).json({ error: `the catalog service answered ${upstream.status}` });
  // A 2xx (the saved product) or a 4xx (the catalog's reason for refusing) is passed on as it is.
  res.status(upstream.status).json(await upstream.json());
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
