import express from 'express';

const app = express();
app.use(express.json());

/** Every payment this server made, oldest first. Amounts are integer cents: 2000 is 20.00. */
const payments = [];

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

app.get('/payments', (req, res) => {
  res.json(payments);
});

app.post('/payments', async (req, res) => {
  // TODO: require an Idempotency-Key header (1 to 255 characters); answer a retry with the
  // first answer (same status, same body) without paying again; refuse the same key with a
  // different body (422) or while its first request is still being processed (409); forget
  // keys 24 hours after their first request.
  const { amountCents, to } = req.body ?? {};
  if (!Number.isInteger(amountCents) || amountCents <= 0 || typeof to !== 'string' || to.trim() === '') {
    return res.status(400).json({ error: 'send { "amountCents": 2000, "to": "alice" }: a positive whole number of cents and a recipient' });
  }
  try {
    await sendToBank({ amountCents, to });
  } catch (error) {
    console.error(error);
    return res.status(502).json({ error: 'the bank did not take the transfer: try again' });
  }
  const payment = { id: payments.length + 1, amountCents, to, createdAt: new Date().toISOString() };
  payments.push(payment);
  res.status(201).json(payment);
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
