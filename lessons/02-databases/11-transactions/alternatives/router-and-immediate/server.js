// A Router, BEGIN IMMEDIATE, and the balance read inside the transaction: correct because
// nothing between BEGIN and COMMIT awaits, so no other request can run in between.
import express from 'express';
import { get, run, save } from './db.js';
import { approveTransfer } from './fraud.js';

const app = express();
const wallets = express.Router();
app.use(express.json());

function httpError(status, message) {
  return Object.assign(new Error(message), { status });
}

wallets.get('/wallets/:id', (req, res) => {
  const wallet = get('SELECT customer_id, owner, balance_cents FROM wallets WHERE customer_id = ?', [Number(req.params.id)]);
  if (!wallet) throw httpError(404, 'Wallet not found');
  res.json({ balanceCents: wallet.balance_cents, owner: wallet.owner, customerId: wallet.customer_id });
});

wallets.post('/transfers', async (req, res) => {
  const { from, to, amountCents } = req.body ?? {};
  if (!Number.isInteger(from) || !Number.isInteger(to) || from === to || !Number.isInteger(amountCents) || amountCents <= 0) {
    throw httpError(400, 'from and to must be two different wallet ids, amountCents a positive whole number');
  }
  await approveTransfer(from, to, amountCents);

  run('BEGIN IMMEDIATE');
  let id;
  try {
    const sender = get('SELECT balance_cents FROM wallets WHERE customer_id = ?', [from]);
    if (!sender) throw httpError(404, 'Sender wallet not found');
    if (!get('SELECT 1 FROM wallets WHERE customer_id = ?', [to])) throw httpError(404, 'Recipient wallet not found');
    if (sender.balance_cents < amountCents) throw httpError(409, 'Insufficient funds');
    run('UPDATE wallets SET balance_cents = balance_cents - ? WHERE customer_id = ?', [amountCents, from]);
    run('UPDATE wallets SET balance_cents = balance_cents + ? WHERE customer_id = ?', [amountCents, to]);
    id = run('INSERT INTO transfers (from_id, to_id, amount_cents) VALUES (?, ?, ?)', [from, to, amountCents]).lastId;
    run('COMMIT');
  } catch (error) {
    run('ROLLBACK');
    throw error;
  }
  save();
  res.status(201).json({ amountCents, to, from, id });
});

app.use(wallets);

app.use((err, req, res, next) => {
  if (err.status >= 400 && err.status < 500) return res.status(err.status).json({ error: err.message });
  console.error(err);
  res.status(500).json({ error: 'Internal Server Error' });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
