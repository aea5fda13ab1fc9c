import express from 'express';
import { get, run, save } from './db.js';
import { approveTransfer } from './fraud.js';

const app = express();
app.use(express.json());

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

app.get('/wallets/:id', (req, res) => {
  const wallet = get('SELECT customer_id, owner, balance_cents FROM wallets WHERE customer_id = ?', [Number(req.params.id)]);
  if (!wallet) throw new HttpError(404, 'Wallet not found');
  res.json({ customerId: wallet.customer_id, owner: wallet.owner, balanceCents: wallet.balance_cents });
});

// TODO: make the transfer all-or-nothing. Today:
//   - not enough money → the recipient is credited anyway,
//   - an unknown wallet on either side → money appears or vanishes,
//   - two transfers at once can both pass the balance check.
app.post('/transfers', async (req, res) => {
  const { from, to, amountCents } = req.body ?? {};
  if (!Number.isInteger(from) || !Number.isInteger(to) || from === to || !Number.isInteger(amountCents) || amountCents <= 0) {
    throw new HttpError(400, 'from and to must be two different wallet ids, amountCents a positive whole number');
  }

  const sender = get('SELECT balance_cents FROM wallets WHERE customer_id = ?', [from]);
  if (sender && sender.balance_cents < amountCents) throw new HttpError(409, 'Insufficient funds');

  await approveTransfer(from, to, amountCents);

  run('UPDATE wallets SET balance_cents = balance_cents + ? WHERE customer_id = ?', [amountCents, to]);
  try {
    run('UPDATE wallets SET balance_cents = balance_cents - ? WHERE customer_id = ?', [amountCents, from]);
  } catch {
    throw new HttpError(409, 'Insufficient funds');
  }
  const { lastId } = run('INSERT INTO transfers (from_id, to_id, amount_cents) VALUES (?, ?, ?)', [from, to, amountCents]);
  save();
  res.status(201).json({ id: lastId, from, to, amountCents });
});

app.use((err, req, res, next) => {
  if (err.status >= 400 && err.status < 500) return res.status(err.status).json({ error: err.message });
  console.error(err);
  res.status(500).json({ error: 'Internal Server Error' });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
