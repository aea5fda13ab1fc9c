import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';
import { body, describe, queryRows, send, uniqueName } from '../../_support/checks.ts';

/** A fresh account holding `balanceCents` (100.00 unless told), so each check starts from a known balance. */
async function newAccount(t: CheckContext, balanceCents = 10000): Promise<number> {
  const res = await send(t, { method: 'POST', path: '/accounts', json: { owner: uniqueName('ada'), balanceCents } });
  const id = body(res).id;
  if (res.status !== 201 || typeof id !== 'number') return t.fail('POST /accounts must answer 201 with the new account\'s id: the checks open a fresh account for each test.', { actual: describe(res) });
  return id;
}

const withdraw = (id: number, amountCents: number) => ({ method: 'POST' as const, path: `/accounts/${id}/withdraw`, json: { amountCents } });

async function balanceOf(t: CheckContext, id: number): Promise<unknown> {
  return body(await send(t, { path: `/accounts/${id}` })).balanceCents;
}

/** How many withdrawals the database recorded for the account. */
async function recordedFor(t: CheckContext, id: number): Promise<number> {
  return Number((await queryRows(t, 'data.sqlite', 'SELECT COUNT(*) FROM withdrawals WHERE account_id = ?', [id]))[0]?.[0]);
}

export default defineChecks({
  checks: [
    {
      id: 'one-at-a-time',
      title: 'Withdrawals one at a time still work',
      timeoutMs: 15000,
      run: async (t) => {
        const id = await newAccount(t);
        const ok = await send(t, withdraw(id, 3000));
        t.expectTrue(ok.status === 200 && body(ok).balanceCents === 7000, 'Withdrawing 3000 from 10000 must answer 200 with {"balanceCents": 7000}.', { actual: describe(ok) });
        const tooMuch = await send(t, withdraw(id, 9000));
        t.expectTrue(tooMuch.status === 409, 'Withdrawing 9000 from 7000 must answer 409 insufficient funds.', { actual: describe(tooMuch) });
        t.expectEqual(await balanceOf(t, id), 7000, 'After one 3000 withdrawal and one refused, the balance must be 7000.');
      },
    },
    {
      id: 'concurrent-withdrawals',
      title: 'Two withdrawals at the same moment cannot overdraw the account',
      hint: 'Both requests read the balance before either has written. Make the test and the change one step: UPDATE … SET balance_cents = balance_cents - ? WHERE id = ? AND balance_cents >= ?, then look at changes.',
      timeoutMs: 15000,
      run: async (t) => {
        const id = await newAccount(t);
        const answers = await t.requestAll([withdraw(id, 8000), withdraw(id, 8000)]);
        const statuses = answers.map((a) => a.status).sort();
        const balance = await balanceOf(t, id);
        const recorded = await recordedFor(t, id);
        const message = statuses.every((status) => status === 200)
          ? 'Two simultaneous withdrawals of 8000 from 10000 both succeeded: each read the balance before the other wrote it. Exactly one must succeed (200) and the other get 409, leaving 2000. Re-check the balance in the same statement that changes it.'
          : 'Of two simultaneous withdrawals of 8000 from 10000, exactly one must succeed (200) and the other get 409, leaving a balance of 2000 and one recorded withdrawal.';
        t.expectTrue(statuses[0] === 200 && statuses[1] === 409 && balance === 2000 && recorded === 1, message, {
          expected: 'statuses [200, 409], balanceCents 2000, 1 withdrawal recorded',
          actual: `statuses [${statuses.join(', ')}], balanceCents ${String(balance)}, ${recorded} withdrawals recorded`,
        });
      },
    },
    {
      id: 'both-fit',
      title: 'Two withdrawals at the same moment that both fit both succeed',
      hint: 'The fix must refuse only what does not fit. Refusing a withdrawal because another one is in flight (a "busy" flag) turns a race into lost business.',
      timeoutMs: 15000,
      run: async (t) => {
        const id = await newAccount(t);
        const answers = await t.requestAll([withdraw(id, 4000), withdraw(id, 4000)]);
        const statuses = answers.map((a) => a.status);
        const balance = await balanceOf(t, id);
        const recorded = await recordedFor(t, id);
        t.expectTrue(statuses.every((status) => status === 200) && balance === 2000 && recorded === 2, 'Two simultaneous withdrawals of 4000 from 10000 both fit: both must succeed (200), leaving 2000 and two recorded withdrawals. Refuse a withdrawal only when the money is not there — not because another one is running.', {
          expected: 'statuses [200, 200], balanceCents 2000, 2 withdrawals recorded',
          actual: `statuses [${statuses.join(', ')}], balanceCents ${String(balance)}, ${recorded} withdrawals recorded`,
        });
      },
    },
    {
      id: 'debit-and-record-together',
      title: 'Money never leaves without its withdrawal being recorded',
      hint: 'The UPDATE and the INSERT are two statements: when the second fails, the first must be undone. Run both inside transaction(() => { … }) from db.js.',
      timeoutMs: 15000,
      run: async (t) => {
        // The ledger refuses single withdrawals above 5,000.00 (a CHECK on withdrawals), so
        // the INSERT fails after the UPDATE has already taken the money.
        const id = await newAccount(t, 1000000);
        const res = await send(t, withdraw(id, 600000));
        const balance = await balanceOf(t, id);
        const recorded = await recordedFor(t, id);
        t.expectTrue(res.status >= 400 && balance === 1000000 && recorded === 0, 'Withdrawing 6000.00 breaks the ledger rule, so recording it fails — yet the balance went down. Debit and record must happen together or not at all: wrap the UPDATE and the INSERT in one transaction (transaction(() => { … }) in db.js), and answer an error.', {
          expected: 'an error status, balanceCents 1000000, 0 withdrawals recorded',
          actual: `${describe(res)}\nbalanceCents ${String(balance)}, ${recorded} withdrawals recorded`,
        });
      },
    },
    {
      id: 'parallel-payouts',
      title: 'A payout batch cannot pay more than the balance',
      hint: 'The payouts route calls the same withdraw() for every amount at once: fixing withdraw() fixes both routes.',
      timeoutMs: 15000,
      run: async (t) => {
        const id = await newAccount(t);
        const res = await send(t, { method: 'POST', path: `/accounts/${id}/payouts`, json: { amountsCents: [8000, 8000] } });
        const payouts = body(res).payouts;
        const paid = Array.isArray(payouts) ? payouts.filter((p) => (p as { paid?: unknown }).paid === true).length : undefined;
        const balance = await balanceOf(t, id);
        t.expectTrue(res.status === 200 && paid === 1 && balance === 2000, 'Paying two invoices of 8000 from 10000 must pay exactly one and refuse the other, leaving 2000. Both run withdraw() at the same time — make its balance check and update one atomic statement.', {
          expected: 'one payout paid, balanceCents 2000',
          actual: `${describe(res)}\nbalanceCents ${String(balance)}`,
        });
      },
    },
    {
      id: 'fraud-check-kept',
      title: 'Every withdrawal still passes the fraud check',
      hint: 'Removing the await makes the race window smaller, not gone — and the bank needs the fraud check.',
      file: {
        path: 'server.js',
        contains: [/await\s+fraudCheck\s*\(/],
        message: 'Keep `await fraudCheck(…)` in the withdrawal route: the fix is to make the balance update safe, not to skip the check.',
      },
    },
  ],
});
