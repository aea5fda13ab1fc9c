import express from 'express';

const app = express();
app.use(express.json());

/** Every payment this server made, oldest first. Amounts are integer cents: 2000 is 20.00. */
const payments = [];

const DAY_MS = 86_400_000;

/** Idempotency-Key → { fingerprint, firstSeenAt, answer } (answer: { status, body }, absent while in progress). */
const seenKeys = new Map();

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

function requireKey(req, res, next) {
  const key = req.header('idempotency-key') ?? '';
  if (key.length === 0 || key.length > 255) {
    return res.status(400).json({ error: 'Idempotency-Key is missing or longer than 255 characters', docs: '/docs/idempotency' });
  }
  next();
}

function validatePayment(req, res, next) {
  const { amountCents, to } = req.body ?? {};
  if (!Number.isInteger(amountCents) || amountCents <= 0 || typeof to !== 'string' || to.trim() === '') {
    return res.status(400).json({ error: 'send { "amountCents": 2000, "to": "alice" }: a positive whole number of cents and a recipient' });
  }
  next();
}

/**
 * Replays, refuses (422, 409) or lets the request through; for a request let through, records
 * the handler's 201 as the key's answer, or frees the key for any other outcome.
 */
function idempotent(req, res, next) {
  const key = req.header('idempotency-key');
  // amountCents is an integer, so the first ":" separates it from any recipient.
  const fingerprint = `${req.body.amountCents}:${req.body.to}`;
  const seen = seenKeys.get(key);
  if (seen !== undefined && Date.now() - seen.firstSeenAt < DAY_MS) {
    if (seen.fingerprint !== fingerprint) return res.status(422).json({ error: 'Idempotency-Key already used with another body' });
    if (seen.answer === undefined) return res.status(409).json({ error: 'A request with this Idempotency-Key is in progress' });
    return res.status(seen.answer.status).json(seen.answer.body);
  }
  const record = { fingerprint, firstSeenAt: Date.now(), answer: undefined };
  seenKeys.set(key, record);
  const send = res.json.bind(res);
  res.json = (body) => {
    if (res.statusCode === 201) record.answer = { status: 201, body };
    else seenKeys.delete(key);
    return send(body);
  };
  next();
}

const router = express.Router();

router.get('/', (req, res) => {
  res.json(payments);
});

router.post('/', requireKey, validatePayment, idempotent, async (req, res) => {
  const { amountCents, to } = req.body;
  try {
    await sendToBank({ amountCents, to });
  } catch (error) {
    console.error(error);
    return res.status(502).json({ error: 'the bank did not take the transfer: try again with the same Idempotency-Key' });
  }
  const payment = { id: payments.length + 1, amountCents, to, createdAt: new Date().toISOString() };
  payments.push(payment);
  res.status(201).json(payment);
});

app.use('/payments', router);

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
