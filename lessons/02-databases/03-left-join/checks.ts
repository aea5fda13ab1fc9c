import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';

const REFERENCE = `SELECT c.name, c.email
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id AND o.status <> 'cancelled'
WHERE c.country = 'Ireland' AND o.id IS NULL
ORDER BY c.email`;

/** The learner's e-mails and the sets a right and a typical wrong answer give, on the visible dataset. */
async function emails(t: CheckContext) {
  const { db, result } = await t.runLearnerSql('query.sql', 'visible');
  db.close();
  if (!result) return t.fail('query.sql returned no rows. With an inner JOIN, customers without orders vanish — use LEFT JOIN … WHERE o.id IS NULL.');
  const column = result.columns.findIndex((c) => c.toLowerCase() === 'email');
  if (column < 0) return t.fail(`Your query returns ${result.columns.join(', ')}; return the columns name and email.`);
  const dataset = await t.openDataset('visible');
  try {
    // One pass over the orders: per Irish customer, how many orders and how many not cancelled.
    const stats = (dataset.exec("SELECT c.email, COUNT(o.id), COALESCE(SUM(o.status <> 'cancelled'), 0) FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE c.country = 'Ireland' GROUP BY c.id")[0]?.rows ?? [])
      .map((row) => ({ email: row[0] as string, orders: Number(row[1]), kept: Number(row[2]) }));
    return {
      got: result.rows.map((row) => row[column] as string),
      buyers: stats.filter((c) => c.kept > 0).map((c) => c.email),
      onlyCancelled: stats.filter((c) => c.orders > 0 && c.kept === 0).map((c) => c.email),
      noOrders: stats.filter((c) => c.orders === 0).map((c) => c.email),
    };
  } finally {
    dataset.close();
  }
}

export default defineChecks({
  checks: [
    {
      id: 'no-buyers',
      title: 'Nobody who bought something is in the list',
      hint: 'LEFT JOIN orders, then WHERE o.id IS NULL keeps only the customers no order matched.',
      timeoutMs: 15000,
      run: async (t) => {
        const { got, buyers } = await emails(t);
        const wrong = got.filter((email) => buyers.includes(email));
        t.expectTrue(wrong.length === 0, `${wrong.length} of your rows are customers who did buy something (e.g. ${wrong[0] ?? ''}). An inner JOIN keeps exactly the customers WITH orders: use LEFT JOIN orders … and keep the rows where o.id IS NULL.`, { expected: 'no customer with a non-cancelled order', actual: wrong.slice(0, 3) });
      },
    },
    {
      id: 'customers-without-orders',
      title: 'Irish customers with no orders at all are listed',
      hint: 'After a LEFT JOIN, a customer without orders has NULL in every o.* column. Test with IS NULL, never = NULL.',
      timeoutMs: 15000,
      run: async (t) => {
        const { got, noOrders } = await emails(t);
        const missing = noOrders.filter((email) => !got.includes(email));
        t.expectTrue(missing.length === 0, `${missing.length} Irish customers who never ordered are missing (e.g. ${missing[0] ?? ''}). Use LEFT JOIN so customers without orders stay, and test o.id IS NULL (= NULL is never true). Keep conditions on orders out of the WHERE clause: there they throw away the NULL rows.`, { expected: noOrders.slice(0, 3), actual: got.slice(0, 3) });
      },
    },
    {
      id: 'only-cancelled',
      title: 'Irish customers whose only orders were cancelled are listed too',
      hint: 'Move the status condition from WHERE into the LEFT JOIN\'s ON clause.',
      timeoutMs: 15000,
      run: async (t) => {
        const { got, onlyCancelled } = await emails(t);
        const missing = onlyCancelled.filter((email) => !got.includes(email));
        t.expectTrue(missing.length === 0, `${missing.length} customers whose only orders were cancelled are missing (e.g. ${missing[0] ?? ''}). A cancelled order is not a purchase: don't let it match — LEFT JOIN orders o ON o.customer_id = c.id AND o.status <> 'cancelled'.`, { expected: onlyCancelled, actual: got.filter((email) => onlyCancelled.includes(email)) });
      },
    },
    {
      id: 'only-ireland',
      title: 'Only customers in Ireland',
      hint: "c.country = 'Ireland' in the WHERE clause (it is a condition on customers, so WHERE is right).",
      timeoutMs: 15000,
      run: async (t) => {
        const { got } = await emails(t);
        const db = await t.openDataset('visible');
        try {
          const irish = new Set((db.exec("SELECT email FROM customers WHERE country = 'Ireland'")[0]?.rows ?? []).map((row) => row[0]));
          const others = got.filter((email) => !irish.has(email));
          t.expectTrue(others.length === 0, `${others.length} of your rows are customers outside Ireland (e.g. ${others[0] ?? ''}). The voucher is for Ireland only: keep c.country = 'Ireland' in the WHERE.`, { expected: 'only Irish customers', actual: others.slice(0, 3) });
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'matches-reference',
      timeoutMs: 15000,
      title: 'The voucher list, sorted by email, on both datasets',
      hint: 'Columns name, email; ORDER BY c.email.',
      sql: { file: 'query.sql', reference: REFERENCE },
    },
  ],
});
