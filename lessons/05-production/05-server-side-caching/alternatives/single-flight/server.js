import express from 'express';

const app = express();
app.use(express.json());

const CATALOG = 'https://catalog.test';
const TTL_MS = 60_000;

/** A failed catalog call, with the status this server answers for it. */
class CatalogError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function readCatalog(id) {
  let upstream;
  try {
    upstream = await fetch(`${CATALOG}/products/${encodeURIComponent(id)}`);
  } catch {
    throw new CatalogError(502, 'the catalog service is unreachable');
  }
  if (upstream.status === 404) throw new CatalogError(404, 'no such product');
  if (!upstream.ok) throw new CatalogError(502, `the catalog service answered ${upstream.status}`);
  return upstream.json();
}

/** id → { promise, expiresAt }; expiresAt is Infinity while the read is in flight. */
const inFlightOrCached = new Map();

function product(id) {
  const entry = inFlightOrCached.get(id);
  if (entry && Date.now() < entry.expiresAt) return entry.promise;
  const next = { promise: readCatalog(id), expiresAt: Infinity };
  inFlightOrCached.set(id, next);
  next.promise.then(
    () => {
      next.expiresAt = Date.now() + TTL_MS;
    },
    () => {
      // Only remove our own entry: a write may already have replaced it.
      if (inFlightOrCached.get(id) === next) inFlightOrCached.delete(id);
    },
  );
  return next.promise;
}

app.get('/products/:id', async (req, res) => {
  try {
    res.json(await product(req.params.id));
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    res.status(error.status).json({ error: error.message });
  }
});

app.put('/products/:id', async (req, res) => {
  const id = req.params.id;
  try {
    const upstream = await fetch(`${CATALOG}/products/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(req.body ?? {}),
    });
    inFlightOrCached.delete(id);
    if (upstream.status >= 500) return res.status(502).json({ error: `the catalog service answered ${upstream.status}` });
    res.status(upstream.status).json(await upstream.json());
  } catch {
    inFlightOrCached.delete(id);
    res.status(502).json({ error: 'the catalog service is unreachable' });
  }
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
