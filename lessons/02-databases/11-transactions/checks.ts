import { defineChecks, type CheckContext, type HttpResponse } from '../../../src/checks/define.ts';

async function balance(t: CheckContext, id: number): Promise<number> {
  const res = await t.request({ path: `/wallets/${id}` });
  const cents = (res.json as { balanceCents?: unknown } | undefined)?.balanceCents;
  if (res.status !== 200 || typeof cents !== 'number') {
    return t.fail(`GET /wallets/${id} (given in the starter) must answer 200 { customerId, owner, balanceCents } — put it back as it was.`, { actual: `${res.status} ${res.text.slice(0, 200)}` });
  }
  return cents;
}

async function transfer(t: CheckContext, from: number, to: number, amountCents: number): Promise<HttpResponse> {
  return t.request({ method: 'POST', path: '/transfers', json: { from, to, amountCents } });
}

async function transferCount(t: CheckContext): Promise<number> {
  const db = await t.openDatabase('data.sqlite');
  try {
    return Number(db.exec('SELECT COUNT(*) FROM transfers')[0]?.rows[0]?.[0] ?? 0);
  } finally {
    db.close();
  }
}

function describe(res: HttpResponse): string {
  return `${res.status} ${res.text.slice(0, 200)}`;
}

export default defineChecks({
  checks: [
    {
      id: 'transfer-works',
      title: 'A possible transfer answers 201 and moves the money',
      run: async (t) => {
        const [grace, liam] = [await balance(t, 1), await balance(t, 2)];
        const res = await transfer(t, 1, 2, 100);
        t.expectTrue(res.status === 201, `Transferring 100 cents from wallet 1 (balance ${grace}) to wallet 2 answered ${describe(res)}; a possible transfer answers 201.`, { expected: 201, actual: describe(res) });
        t.expectEqual([await balance(t, 1), await balance(t, 2)], [grace - 100, liam + 100], 'After moving 100 cents from wallet 1 to wallet 2, wallet 1 must have 100 less and wallet 2 100 more.');
        await transfer(t, 2, 1, 100);
      },
    },
    {
      id: 'insufficient-funds',
      title: 'Too little money: 409, and nobody\'s balance changes',
      hint: 'Debit first inside the transaction; when it fails, ROLLBACK undoes everything.',
      run: async (t) => {
        const [from, to] = [await balance(t, 3), await balance(t, 1)];
        const logged = await transferCount(t);
        const res = await transfer(t, 3, 1, from + 500);
        t.expectTrue(res.status === 409, `Wallet 3 has ${from} cents and tried to send ${from + 500}: answer 409 { error: 'Insufficient funds' } (you answered ${describe(res)}).`, { expected: 409, actual: describe(res) });
        const after = [await balance(t, 3), await balance(t, 1)];
        t.expectEqual(after, [from, to], `The failed transfer changed balances: wallet 1 went from ${to} to ${String(after[1])} although wallet 3 paid nothing. The credit and the debit must succeed or fail together: BEGIN before the first UPDATE, ROLLBACK when anything fails.`);
        // One possible transfer saves the database: a refused transfer written outside the transaction would show now.
        const ok = await transfer(t, 1, 3, 1);
        t.expectTrue(ok.status === 201, `After the refused transfer, a possible one (1 cent from wallet 1 to wallet 3) answered ${describe(ok)}; it must answer 201. Did the refused transfer leave its transaction open? ROLLBACK in the catch.`);
        const count = await transferCount(t);
        await transfer(t, 3, 1, 1);
        t.expectEqual(count, logged + 1, 'A refused transfer was written to the transfers table. The INSERT must be inside the same transaction as the UPDATEs, and rolled back with them.');
      },
    },
    {
      id: 'unknown-recipient',
      title: 'An unknown recipient: 404, and the sender keeps the money',
      hint: 'run(…) returns { changes }: 0 changes when crediting means no such wallet → throw, ROLLBACK.',
      run: async (t) => {
        const before = await balance(t, 1);
        const res = await transfer(t, 1, 999, 250);
        t.expectTrue(res.status === 404, `A transfer to wallet 999 (which does not exist) answered ${describe(res)}. Answer 404: check the UPDATE's changes count inside the transaction.`, { expected: 404, actual: describe(res) });
        const after = await balance(t, 1);
        t.expectEqual(after, before, `Wallet 1 lost ${before - after} cents sending to a wallet that does not exist. When the credit changes no row, ROLLBACK the debit too.`);
      },
    },
    {
      id: 'unknown-sender',
      title: 'An unknown sender: 404, and no money appears',
      run: async (t) => {
        const before = await balance(t, 1);
        const res = await transfer(t, 999, 1, 250);
        t.expectTrue(res.status === 404, `A transfer from wallet 999 (which does not exist) answered ${describe(res)}; answer 404.`, { expected: 404, actual: describe(res) });
        const after = await balance(t, 1);
        t.expectEqual(after, before, `Wallet 1 received ${after - before} cents from a wallet that does not exist: money was created. When the debit changes no row, nothing else may happen.`);
      },
    },
    {
      id: 'concurrent-transfers',
      title: 'Ten simultaneous transfers never create money or overdraw a wallet',
      hint: 'No await between BEGIN and COMMIT; let the UPDATE itself check the balance (… AND balance_cents >= ?).',
      timeoutMs: 15000,
      run: async (t) => {
        const [liam, ada] = [await balance(t, 2), await balance(t, 3)];
        // Enough for three transfers at most: the rest must be refused.
        const amount = Math.max(1, Math.floor(liam / 3) - 1);
        const answers = await t.requestAll(Array.from({ length: 10 }, () => ({ method: 'POST' as const, path: '/transfers', json: { from: 2, to: 3, amountCents: amount } })));
        const [liamAfter, adaAfter] = [await balance(t, 2), await balance(t, 3)];
        const succeeded = answers.filter((res) => res.status === 201).length;
        const statuses = answers.map((res) => res.status);
        // Give the money back, so the next run starts from the same place.
        if (adaAfter > ada) await transfer(t, 3, 2, adaAfter - ada);
        t.expectTrue(statuses.every((status) => status === 201 || status === 409), `Ten simultaneous transfers answered ${statuses.join(', ')}. Each must answer 201 or 409. (A 500 "cannot start a transaction within a transaction" means an await sits between BEGIN and COMMIT.)`, { expected: '201 or 409 each', actual: answers.filter((res) => res.status !== 201 && res.status !== 409).map(describe).slice(0, 2) });
        t.expectTrue(liamAfter >= 0, `Wallet 2 is overdrawn (${liamAfter} cents).`);
        t.expectEqual(liamAfter + adaAfter, liam + ada, `Ten simultaneous transfers from wallet 2 to wallet 3 changed the total: ${liam + ada} cents before, ${liamAfter + adaAfter} after. The balance check and the debit must not be separated by an await: move await approveTransfer(…) before BEGIN and debit with UPDATE … WHERE customer_id = ? AND balance_cents >= ?.`);
        t.expectEqual(liam - liamAfter, succeeded * amount, `${succeeded} transfers of ${amount} cents answered 201, but wallet 2 lost ${liam - liamAfter} cents. Every 201 must be exactly one debit, and every 409 none.`);
      },
    },
    {
      id: 'persisted',
      title: 'Committed transfers are saved to data.sqlite',
      hint: 'save() after COMMIT — not inside the transaction.',
      run: async (t) => {
        const logged = await transferCount(t);
        const res = await transfer(t, 1, 3, 1);
        t.expectTrue(res.status === 201, `The transfer of 1 cent from wallet 1 to wallet 3 answered ${describe(res)}; it must answer 201.`);
        const [grace, ada] = [await balance(t, 1), await balance(t, 3)];
        const db = await t.openDatabase('data.sqlite');
        try {
          const saved = db.exec('SELECT customer_id, balance_cents FROM wallets WHERE customer_id IN (1, 3) ORDER BY customer_id')[0]?.rows ?? [];
          t.expectEqual(saved, [[1, grace], [3, ada]], 'data.sqlite does not show the balances the API reports. Call save() right after COMMIT.');
        } finally {
          db.close();
        }
        t.expectEqual(await transferCount(t), logged + 1, 'The committed transfer is not in the transfers table of data.sqlite: INSERT it inside the transaction and save() after COMMIT.');
        await transfer(t, 3, 1, 1);
      },
    },
  ],
});
