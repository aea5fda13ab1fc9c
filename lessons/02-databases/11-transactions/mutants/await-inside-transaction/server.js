import express from 'express';
import { db, get, run, save } from './db.js';
import { approveTransfer } from './fraud.js';

const app = express();
app.use(express.json());

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * Runs `work` inside a transaction: all of its changes are kept, or none. `work` must be
 * synchronous — sql.js has one connection, so an `await` inside would let another request's
 * statements slip into this transaction.
 */
async function inTransaction(work) {
  db.run('BEGIN');
  try {
    const result = await work();
    db.run('COMMIT');
    save();
    return result;
  } catch (error) {
    db.run('ROLLBACK');
    throw error;
  }
}

app.get('/wallets/:id', (req, res) => {
  const wallet = get('SELECT customer_id, owner, balance_cents FROM wallets WHERE customer_id = ?', [Number(req.params.id)]);
  if (!wallet) throw new HttpError(404, 'Wallet not found');
  res.json({ customerId: wallet.customer_id, owner: wallet.owner, balanceCents: wallet.balance_cents });
});

app.post('/transfers', async (req, res) => {
  const { from, to, amountCents } = req.body ?? {};
  if (!Number.isInteger(from) || !Number.isInteger(to) || from === to || !Number.isInteger(amountCents) || amountCents <= 0) {
    throw new HttpError(400, 'from and to must be two different wallet ids, amountCents a positive whole number');
  }

  const id = await inTransaction(async () => {
    // The balance check and the debit are one statement, so nothing can come between them.
    await approveTransfer(from, to, amountCents);
    const debit = run('UPDATE wallets SET balance_cents = balance_cents - ? WHERE customer_id = ? AND balance_cents >= ?', [amountCents, from, amountCents]);
    if (debit.changes === 0) {
      throw get('SELECT 1 FROM wallets WHERE customer_id = ?', [from]) ? new HttpError(409, 'Insufficient funds') : new HttpError(404, 'Sender wallet not found');
    }
    const credit = run('UPDATE wallets SET balance_cents = balance_cents + ? WHERE customer_id = ?', [amountCents, to]);
    if (credit.changes === 0) throw new HttpError(404, 'Recipient wallet not found');
    return run('INSERT INTO transfers (from_id, to_id, amount_cents) VALUES (?, ?, ?)', [from, to, amountCents]).lastId;
  });
  res.status(201).json({ id, from, to, amountCents });
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
