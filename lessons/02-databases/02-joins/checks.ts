import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';

const REFERENCE = `SELECT o.ordered_at, p.name AS product, c.name AS category, oi.quantity
FROM customers cu
JOIN orders o ON o.customer_id = cu.id
JOIN order_items oi ON oi.order_id = o.id
JOIN products p ON p.id = oi.product_id
JOIN categories c ON c.id = p.category_id
WHERE cu.email = 'grace@shop.test' AND o.status <> 'cancelled'
ORDER BY o.ordered_at, product`;

async function learnerResult(t: CheckContext) {
  const { db, result } = await t.runLearnerSql('query.sql', 'visible');
  db.close();
  if (!result) return t.fail('query.sql returned no rows. Write one SELECT; the result of its last statement is what is checked.');
  return result;
}

export default defineChecks({
  checks: [
    {
      id: 'columns',
      title: 'The columns are ordered_at, product, category, quantity',
      hint: 'products and categories both have a name column: p.name AS product, c.name AS category.',
      run: async (t) => {
        const result = await learnerResult(t);
        t.expectEqual(result.columns.map((c) => c.toLowerCase()), ['ordered_at', 'product', 'category', 'quantity'], `Your query returns the columns ${result.columns.join(', ')}. Return ordered_at, product, category, quantity — rename with AS, e.g. p.name AS product.`);
      },
    },
    {
      id: 'no-cross-join',
      title: 'Each item appears once (every JOIN has the right ON)',
      run: async (t) => {
        const result = await learnerResult(t);
        const db = await t.openDataset('visible');
        try {
          const items = Number(db.exec("SELECT COUNT(*) FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.customer_id = 1")[0]?.rows[0]?.[0] ?? 0);
          t.expectTrue(result.rows.length <= items, `Your query returns ${result.rows.length} rows, but Grace's orders hold only ${items} items in total: a JOIN is missing its ON condition, or joins on the wrong columns, so rows pair with rows they do not belong to. Each ON must match a foreign key with the key it points to (oi.product_id = p.id, p.category_id = c.id).`, { expected: `at most ${items} rows`, actual: `${result.rows.length} rows` });
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'no-cancelled',
      title: 'Cancelled orders are left out',
      hint: 'o.status <> \'cancelled\' in the WHERE clause.',
      run: async (t) => {
        const result = await learnerResult(t);
        const db = await t.openDataset('visible');
        try {
          const cancelledAt = (db.exec("SELECT ordered_at FROM orders WHERE customer_id = 1 AND status = 'cancelled'")[0]?.rows ?? []).map((row) => row[0]);
          const column = result.columns.findIndex((c) => c.toLowerCase() === 'ordered_at');
          const leaked = result.rows.filter((row) => cancelledAt.includes(row[column]));
          t.expectTrue(column < 0 || leaked.length === 0, `Your result includes ${leaked.length} item(s) from Grace's cancelled order of ${String(cancelledAt[0])}. Add AND o.status <> 'cancelled' to the WHERE clause.`, { expected: 'no items from cancelled orders', actual: leaked.slice(0, 3) });
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'matches-reference',
      title: 'Grace\'s purchases, sorted by ordered_at then product, on both datasets',
      hint: 'ORDER BY o.ordered_at, product — one order has several items, so the second key matters.',
      sql: { file: 'query.sql', reference: REFERENCE },
    },
  ],
});
