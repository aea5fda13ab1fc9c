import { createHash } from 'node:crypto';
import express from 'express';

const app = express();
app.use(express.json());

/** Every payment this server made, oldest first. Amounts are integer cents: 2000 is 20.00. */
const payments = [];

/** How long a key is remembered, from its first request: a retry later than this is a new payment. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

/**
 * Idempotency-Key → { fingerprint, expiresAt, response }. `response` ({ status, body }) is
 * missing while the key's first request is still being processed.
 */
const keys = new Map();

/**
 * Asks the bank to move the money. Given: keep it. It is slow, and it is the side effect a
 * duplicate request must never repeat — a second call is a second transfer.
 */
async function sendToBank({ amountCents, to }) {
  const response = await fetch('https://bank.test/v1/transfers', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amountCents, to }),
  });
  if (!response.ok) throw new Error(`the bank answered ${response.status}`);
}

/** What makes two requests "the same request": every field the payment is made from. */
function fingerprintOf({ amountCents, to }) {
  return createHash('sha256').update(JSON.stringify([amountCents, to])).digest('hex');
}

app.get('/payments', (req, res) => {
  res.json(payments);
});

app.post('/payments', async (req, res) => {
  const key = req.get('Idempotency-Key');
  if (!key || key.length > MAX_KEY_LENGTH) {
    return res.status(400).json({ error: `send an Idempotency-Key header of 1 to ${MAX_KEY_LENGTH} characters, e.g. a UUID` });
  }
  const { amountCents, to } = req.body ?? {};
  const fingerprint = fingerprintOf({ amountCents, to });
  const now = Date.now();
  if (!keys.has(key) && (!Number.isInteger(amountCents) || amountCents <= 0 || typeof to !== 'string' || to.trim() === '')) {
    const body = { error: 'send { "amountCents": 2000, "to": "alice" }: a positive whole number of cents and a recipient' };
    keys.set(key, { fingerprint, expiresAt: now + KEY_LIFETIME_MS, response: { status: 400, body } });
    return res.status(400).json(body);
  }
  const seen = keys.get(key);
  if (seen && seen.expiresAt > now) {
    if (seen.fingerprint !== fingerprint) {
      return res.status(422).json({ error: 'this Idempotency-Key was used with a different body: use a new key for a new payment' });
    }
    if (!seen.response) {
      return res.status(409).json({ error: 'a request with this Idempotency-Key is still being processed: retry later' });
    }
    return res.status(seen.response.status).json(seen.response.body);
  }
  // Marked before the first await: a retry that arrives while the bank is busy finds the key taken.
  const entry = { fingerprint, expiresAt: now + KEY_LIFETIME_MS, response: undefined };
  keys.set(key, entry);
  try {
    await sendToBank({ amountCents, to });
  } catch (error) {
    // Nothing was paid: release the key so the client's retry (same key) makes the payment.
    keys.delete(key);
    console.error(error);
    return res.status(502).json({ error: 'the bank did not take the transfer: try again with the same Idempotency-Key' });
  }
  const payment = { id: payments.length + 1, amountCents, to, createdAt: new Date().toISOString() };
  payments.push(payment);
  entry.response = { status: 201, body: payment };
  res.status(201).json(payment);
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
