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
    const list = (sql: string) => (dataset.exec(sql)[0]?.rows ?? []).map((row) => row[0] as string);
    return {
      got: result.rows.map((row) => row[column] as string),
      buyers: list("SELECT DISTINCT c.email FROM customers c JOIN orders o ON o.customer_id = c.id AND o.status <> 'cancelled' WHERE c.country = 'Ireland'"),
      onlyCancelled: list("SELECT c.email FROM customers c WHERE c.country = 'Ireland' AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.status <> 'cancelled')"),
      noOrders: list("SELECT c.email FROM customers c WHERE c.country = 'Ireland' AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)"),
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
      run: async (t) => {
        const { got, onlyCancelled } = await emails(t);
        const missing = onlyCancelled.filter((email) => !got.includes(email));
        t.expectTrue(missing.length === 0, `${missing.length} customers whose only orders were cancelled are missing (e.g. ${missing[0] ?? ''}). A cancelled order is not a purchase: don't let it match — LEFT JOIN orders o ON o.customer_id = c.id AND o.status <> 'cancelled'.`, { expected: onlyCancelled, actual: got.filter((email) => onlyCancelled.includes(email)) });
      },
    },
    {
      id: 'matches-reference',
      title: 'The voucher list, sorted by email, on both datasets',
      hint: 'Columns name, email; ORDER BY c.email.',
      sql: { file: 'query.sql', reference: REFERENCE },
    },
  ],
});
