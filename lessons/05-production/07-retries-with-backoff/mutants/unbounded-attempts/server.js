import express from 'express';

const app = express();
app.use(express.json());

// The inventory service knows how many of each item are in stock. It is busy, and sometimes fails.
const INVENTORY = 'https://inventory.test';

/** Attempts in all, the first one included. */
const MAX_ATTEMPTS = 3;
/** Answers that say "try again later"; anything else is final. */
const RETRYABLE = new Set([429, 502, 503, 504]);
/** The longest Retry-After this server waits out for its client; a longer one is answered 502 at once. */
const MAX_RETRY_AFTER_S = 30;

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The wait before retry n (1, 2, …): 2^n seconds, plus up to one second chosen at random (the jitter). */
function backoffMs(retry) {
  return 2 ** retry * 1000 + Math.random() * 1000;
}

/** Retry-After as a whole number of seconds, or undefined (absent, or an HTTP date). */
function retryAfterSeconds(response) {
  const value = response.headers.get('retry-after')?.trim();
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * GETs `url` from the inventory service, retrying transient failures: resolves with the last
 * Response, rejects with the last network error. GET is idempotent, so repeating it is safe.
 */
async function getWithRetries(url) {
  for (let attempt = 1; ; attempt++) {
    let response;
    try {
      response = await fetch(url);
    } catch (error) {
      if (attempt === MAX_ATTEMPTS) throw error;
      await sleep(backoffMs(attempt));
      continue;
    }
    if (!RETRYABLE.has(response.status)) return response;
    let waitMs = backoffMs(attempt);
    const seconds = response.status === 429 || response.status === 503 ? retryAfterSeconds(response) : undefined;
    if (seconds !== undefined) {
      // The service said when to come back; longer than the client should wait means give up now.
      if (seconds > MAX_RETRY_AFTER_S) return response;
      waitMs = seconds * 1000;
    }
    // Read the rest of the failed answer: that frees its connection while we wait.
    await response.arrayBuffer();
    await sleep(waitMs);
  }
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
