import express from 'express';

const app = express();
app.use(express.json());

// The inventory service knows how many of each item are in stock. It is busy, and sometimes fails.
const INVENTORY = 'https://inventory.test';

/**
 * GETs `url` from the inventory service: resolves with its Response, rejects when it cannot be reached.
 * TODO: retry transient failures — at most 3 attempts in all, with exponential backoff and
 * jitter, honouring Retry-After (see the lesson for the exact rules).
 */
async function getWithRetries(url) {
  return fetch(url);
}

app.get('/stock/:sku', async (req, res) => {
  let upstream;
  try {
    upstream = await getWithRetries(`${INVENTORY}/stock/${encodeURIComponent(req.params.sku)}`);
  } catch {
    return res.status(502).json({ error: 'the inventory service is unreachable' });
  }
  if (upstream.status === 404) return res.status(404).json({ error: 'unknown sku' });
  if (!upstream.ok) return res.status(502).json({ error: `the inventory service answered ${upstream.status}` });
  res.json(await upstream.json());
});

// Reserving stock changes something: it is sent once, never retried.
app.post('/reservations', async (req, res) => {
  let upstream;
  try {
    upstream = await fetch(`${INVENTORY}/reservations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(req.body ?? {}),
    });
  } catch {
    return res.status(502).json({ error: 'the inventory service is unreachable' });
  }
  if (upstream.status >= 500) return res.status(502).json({ error: `the inventory service answered ${upstream.status}` });
  // A 2xx (the reservation) or a 4xx (the service's reason for refusing) is passed on as it is.
  res.status(upstream.status).json(await upstream.json());
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
