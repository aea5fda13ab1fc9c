import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';

const REFERENCE = `SELECT cu.name, cu.email, COUNT(DISTINCT o.id) AS order_count, SUM(oi.quantity * oi.unit_price_cents) AS spent_cents
FROM customers cu
JOIN orders o ON o.customer_id = cu.id AND o.status <> 'cancelled'
JOIN order_items oi ON oi.order_id = o.id
GROUP BY cu.id
HAVING COUNT(DISTINCT o.id) >= 8
ORDER BY spent_cents DESC, cu.email`;

/** The learner's rows keyed by email, plus the true counts per customer from the dataset. */
async function analyse(t: CheckContext) {
  const { db, result } = await t.runLearnerSql('query.sql', 'visible');
  db.close();
  if (!result) return t.fail('query.sql returned no rows. Write one SELECT; the result of its last statement is what is checked.');
  const columns = result.columns.map((c) => c.toLowerCase());
  const wanted = ['name', 'email', 'order_count', 'spent_cents'];
  if (wanted.some((c, i) => columns[i] !== c)) return t.fail(`Your query returns the columns ${result.columns.join(', ')}; return name, email, order_count, spent_cents in that order (rename aggregates with AS).`);
  if (result.rows.length === 1) return t.fail('Your query returns a single row: group per customer first (GROUP BY cu.id), then the counts can be checked.');
  const dataset = await t.openDataset('visible');
  try {
    const truth = (sql: string) => new Map((dataset.exec(sql)[0]?.rows ?? []).map((row) => [row[0] as string, Number(row[1])]));
    return {
      rows: result.rows.map((row) => ({ name: row[0] as string, email: row[1] as string, orders: Number(row[2]), spent: Number(row[3]) })),
      names: new Map((dataset.exec('SELECT email, name FROM customers')[0]?.rows ?? []).map((row) => [row[0] as string, row[1] as string])),
      ordersAll: truth('SELECT cu.email, COUNT(*) FROM customers cu JOIN orders o ON o.customer_id = cu.id GROUP BY cu.id'),
      ordersKept: truth("SELECT cu.email, COUNT(*) FROM customers cu JOIN orders o ON o.customer_id = cu.id AND o.status <> 'cancelled' GROUP BY cu.id"),
      itemsAll: truth('SELECT cu.email, COUNT(*) FROM customers cu JOIN orders o ON o.customer_id = cu.id JOIN order_items oi ON oi.order_id = o.id GROUP BY cu.id'),
      itemsKept: truth("SELECT cu.email, COUNT(*) FROM customers cu JOIN orders o ON o.customer_id = cu.id AND o.status <> 'cancelled' JOIN order_items oi ON oi.order_id = o.id GROUP BY cu.id"),
    };
  } finally {
    dataset.close();
  }
}

export default defineChecks({
  checks: [
    {
      id: 'grouped',
      title: 'One row per customer',
      hint: 'GROUP BY cu.id after the joins.',
      timeoutMs: 15000,
      run: async (t) => {
        const { rows, ordersKept, names } = await analyse(t);
        t.expectTrue(rows.length > 1, `Your query returns ${rows.length} row: without GROUP BY, COUNT and SUM squeeze the whole join into one row. Add GROUP BY cu.id to get one row per customer.`, { expected: 'one row per customer', actual: `${rows.length} row` });
        const emails = new Set(rows.map((row) => row.email));
        t.expectTrue(emails.size === rows.length, 'Some customers appear on several rows: group by the customer only (GROUP BY cu.id), not by order or item columns.', { expected: `${emails.size} rows`, actual: `${rows.length} rows` });
        // Names repeat: customers who share a name must still get a row each.
        const best = [...ordersKept].filter(([, n]) => n >= 8).map(([email]) => names.get(email) ?? '');
        const shared = best.find((name, i) => best.indexOf(name) !== i);
        if (shared !== undefined) {
          const expected = best.filter((name) => name === shared).length;
          const got = rows.filter((row) => row.name === shared).length;
          t.expectTrue(got >= expected, `${expected} different customers are called ${shared}, and your result has ${got} row(s) for that name: grouping by name merges different people. Group by what identifies a customer: GROUP BY cu.id.`, { expected: `${expected} rows for ${shared}`, actual: `${got}` });
        }
      },
    },
    {
      id: 'count-orders-not-items',
      title: 'order_count counts orders, not items',
      hint: 'COUNT(DISTINCT o.id)',
      timeoutMs: 15000,
      run: async (t) => {
        const { rows, ordersAll, ordersKept, itemsAll, itemsKept } = await analyse(t);
        for (const row of rows.slice(0, 50)) {
          if (row.orders === ordersKept.get(row.email)) continue;
          const isItemCount = row.orders === itemsKept.get(row.email) || row.orders === itemsAll.get(row.email);
          if (isItemCount && row.orders !== ordersAll.get(row.email)) {
            t.fail(`order_count for ${row.email} is ${row.orders}, the number of *items* in their orders. After JOIN order_items there is one row per item: count each order once with COUNT(DISTINCT o.id).`, { expected: ordersKept.get(row.email), actual: row.orders });
          }
          if (row.orders === ordersAll.get(row.email)) {
            t.fail(`order_count for ${row.email} is ${row.orders}, which includes cancelled orders. Leave them out: JOIN orders o ON o.customer_id = cu.id AND o.status <> 'cancelled' (or a WHERE on o.status).`, { expected: ordersKept.get(row.email), actual: row.orders });
          }
          t.fail(`order_count for ${row.email} is ${row.orders}; they have ${String(ordersKept.get(row.email))} orders that were not cancelled. Count COUNT(DISTINCT o.id) over non-cancelled orders.`, { expected: ordersKept.get(row.email), actual: row.orders });
        }
      },
    },
    {
      id: 'having',
      title: 'Only customers with at least 8 non-cancelled orders',
      hint: 'A condition on an aggregate goes in HAVING, after GROUP BY: HAVING COUNT(DISTINCT o.id) >= 8.',
      timeoutMs: 15000,
      run: async (t) => {
        const { rows, ordersKept, ordersAll } = await analyse(t);
        const few = rows.find((row) => (ordersKept.get(row.email) ?? 0) < 8);
        if (few && (ordersAll.get(few.email) ?? 0) >= 8) {
          return t.fail(`${few.email} has ${String(ordersAll.get(few.email))} orders but only ${String(ordersKept.get(few.email))} that were not cancelled, and is in your list. Leave cancelled orders out before counting: JOIN orders o ON o.customer_id = cu.id AND o.status <> 'cancelled'.`, { expected: 'at least 8 non-cancelled orders on every row', actual: few });
        }
        t.expectTrue(few === undefined, `${few?.email ?? ''} has only ${String(ordersKept.get(few?.email ?? ''))} non-cancelled orders but is in your list. Keep only groups with 8 or more: HAVING COUNT(DISTINCT o.id) >= 8 (WHERE cannot see aggregates).`, { expected: 'order_count >= 8 on every row', actual: few });
        const expected = [...ordersKept.values()].filter((n) => n >= 8).length;
        t.expectTrue(rows.length === expected, `Your query returns ${rows.length} customers; ${expected} customers have at least 8 non-cancelled orders. Check the HAVING threshold (>= 8, not > 8).`, { expected, actual: rows.length });
      },
    },
    {
      id: 'order',
      title: 'Highest spend first; equal spends by email',
      hint: 'ORDER BY spent_cents DESC, cu.email — customers can spend exactly the same.',
      timeoutMs: 15000,
      run: async (t) => {
        const { rows } = await analyse(t);
        rows.forEach((row, i) => {
          const previous = rows[i - 1];
          if (!previous) return;
          t.expectTrue(previous.spent >= row.spent, `${row.email} spent more than ${previous.email}, who comes first. Sort by spend, highest first: ORDER BY spent_cents DESC.`, { expected: 'spent_cents from high to low', actual: [previous, row] });
          if (previous.spent === row.spent) t.expectTrue(previous.email < row.email, `${previous.email} and ${row.email} spent exactly the same (${row.spent} cents) but are not in order of email. Equal values come back in no particular order unless you add a second key: ORDER BY spent_cents DESC, cu.email.`, { expected: [previous.email, row.email].sort(), actual: [previous.email, row.email] });
        });
      },
    },
    {
      id: 'matches-reference',
      timeoutMs: 15000,
      title: 'The best customers, highest spend first, on both datasets',
      hint: 'spent_cents = SUM(oi.quantity * oi.unit_price_cents); ORDER BY spent_cents DESC, cu.email.',
      sql: { file: 'query.sql', reference: REFERENCE },
    },
  ],
});
