import express from 'express';
import { get, run, transaction } from './db.js';
import { fraudCheck } from './fraud-check.js';

const app = express();
app.use(express.json());

/** An error with the HTTP status to answer it with. */
class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const isAmount = (value) => Number.isInteger(value) && value > 0;

/** Takes `amountCents` out of the account; resolves with the new balance. */
async function withdraw(accountId, amountCents) {
  const account = get('SELECT * FROM accounts WHERE id = ?', [accountId]);
  if (!account) throw new HttpError(404, 'no such account');
  if (account.balance_cents < amountCents) throw new HttpError(409, 'insufficient funds');

  const verdict = await fraudCheck(account.id, amountCents);
  if (!verdict.approved) throw new HttpError(403, 'withdrawal refused by the fraud check');

  // `account` was read before the await: another withdrawal may have run since. Check and
  // update in one statement, so the balance we test is the balance we change — and debit and
  // record in one transaction, so money never leaves without its withdrawal row (or the
  // other way round) when the second statement fails.
  return transaction(() => {
    const { changes } = run('UPDATE accounts SET balance_cents = balance_cents - ? WHERE id = ? AND balance_cents >= ?', [
      amountCents,
      account.id,
      amountCents,
    ]);
    if (changes === 0) throw new HttpError(409, 'insufficient funds');
    run('INSERT INTO withdrawals (account_id, amount_cents, created_at) VALUES (?, ?, ?)', [account.id, amountCents, new Date().toISOString()]);
    return get('SELECT balance_cents FROM accounts WHERE id = ?', [account.id]).balance_cents;
  });
}

app.post('/accounts', (req, res) => {
  const { owner, balanceCents } = req.body ?? {};
  if (typeof owner !== 'string' || !Number.isInteger(balanceCents) || balanceCents < 0) {
    return res.status(400).json({ error: 'owner and a whole, non-negative balanceCents are required' });
  }
  const { lastId } = run('INSERT INTO accounts (owner, balance_cents) VALUES (?, ?)', [owner, balanceCents]);
  res.status(201).json({ id: lastId, owner, balanceCents });
});

app.get('/accounts/:id', (req, res) => {
  const account = get('SELECT * FROM accounts WHERE id = ?', [Number(req.params.id)]);
  if (!account) return res.status(404).json({ error: 'no such account' });
  res.json({ id: account.id, owner: account.owner, balanceCents: account.balance_cents });
});

app.post('/accounts/:id/withdraw', async (req, res) => {
  const amount = req.body?.amountCents;
  if (!isAmount(amount)) return res.status(400).json({ error: 'amountCents must be a positive whole number' });
  try {
    res.json({ balanceCents: await withdraw(Number(req.params.id), amount) });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    res.status(error.status).json({ error: error.message });
  }
});

// Pays several invoices from one account. They are independent, so they run in parallel.
app.post('/accounts/:id/payouts', async (req, res) => {
  const amounts = req.body?.amountsCents;
  if (!Array.isArray(amounts) || amounts.length === 0 || !amounts.every(isAmount)) {
    return res.status(400).json({ error: 'amountsCents must be a list of positive whole numbers' });
  }
  const outcomes = await Promise.allSettled(amounts.map((amount) => withdraw(Number(req.params.id), amount)));
  res.json({
    payouts: outcomes.map((outcome, i) =>
      outcome.status === 'fulfilled'
        ? { amountCents: amounts[i], paid: true, balanceCents: outcome.value }
        : { amountCents: amounts[i], paid: false, error: outcome.reason.message },
    ),
  });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
