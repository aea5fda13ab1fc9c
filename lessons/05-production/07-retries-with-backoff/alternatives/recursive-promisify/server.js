import { promisify } from 'node:util';
import express from 'express';

const app = express();
app.use(express.json());

// The inventory service knows how many of each item are in stock. It is busy, and sometimes fails.
const INVENTORY = 'https://inventory.test';

const wait = promisify(setTimeout);

const ATTEMPTS = 3;
const RETRY_AFTER_LIMIT_S = 30;

/**
 * What to do after a failed attempt: `{ retryInMs }`, or `null` to stop. `outcome` is a
 * Response, or the error fetch rejected with.
 */
function decide(outcome, attempt) {
  if (attempt >= ATTEMPTS) return null;
  const backoff = 1000 * 2 ** attempt + 1000 * Math.random();
  if (!(outcome instanceof Response)) return { retryInMs: backoff };
  const { status, headers } = outcome;
  if (![429, 502, 503, 504].includes(status)) return null;
  const retryAfter = Number(headers.get('retry-after') ?? Number.NaN);
  const honoured = (status === 429 || status === 503) && Number.isInteger(retryAfter) && retryAfter >= 0;
  if (!honoured) return { retryInMs: backoff };
  return retryAfter <= RETRY_AFTER_LIMIT_S ? { retryInMs: retryAfter * 1000 } : null;
}

async function getWithRetries(url, attempt = 1) {
  const outcome = await fetch(url).catch((error) => error);
  const next = outcome instanceof Response && outcome.ok ? null : decide(outcome, attempt);
  if (next === null) {
    if (outcome instanceof Response) return outcome;
    throw outcome;
  }
  if (outcome instanceof Response) await outcome.arrayBuffer();
  await wait(next.retryInMs);
  return getWithRetries(url, attempt + 1);
}

const stock = express.Router();

stock.get('/:sku', async (req, res) => {
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
app.use('/stock', stock);

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
