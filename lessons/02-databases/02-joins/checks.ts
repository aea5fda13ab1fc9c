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
      timeoutMs: 15000,
      title: 'The columns are ordered_at, product, category, quantity',
      hint: 'products and categories both have a name column: p.name AS product, c.name AS category.',
      run: async (t) => {
        const result = await learnerResult(t);
        t.expectEqual(result.columns.map((c) => c.toLowerCase()), ['ordered_at', 'product', 'category', 'quantity'], `Your query returns the columns ${result.columns.join(', ')}. Return ordered_at, product, category, quantity — rename with AS, e.g. p.name AS product.`);
      },
    },
    {
      id: 'no-cross-join',
      timeoutMs: 15000,
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
      timeoutMs: 15000,
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
      id: 'only-grace',
      timeoutMs: 15000,
      title: 'Only the orders of grace@shop.test',
      hint: "Filter on the unique column: WHERE cu.email = 'grace@shop.test'.",
      run: async (t) => {
        const result = await learnerResult(t);
        const column = result.columns.findIndex((c) => c.toLowerCase() === 'ordered_at');
        if (column < 0) return t.fail('Return the column ordered_at (o.ordered_at) so the check can tell which orders you listed.');
        const db = await t.openDataset('visible');
        try {
          const hers = new Set((db.exec('SELECT ordered_at FROM orders WHERE customer_id = 1')[0]?.rows ?? []).map((row) => row[0]));
          const foreign = result.rows.filter((row) => !hers.has(row[column]));
          t.expectTrue(foreign.length === 0, `${foreign.length} of your rows come from orders that are not Grace's (e.g. one placed at ${String(foreign[0]?.[column])}). Two customers are called Grace Hopper: filter on what is unique — WHERE cu.email = 'grace@shop.test' — not on the name.`, { expected: "only orders of grace@shop.test", actual: foreign.slice(0, 3) });
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'every-item',
      timeoutMs: 15000,
      title: 'Every item of her paid, pending and shipped orders is listed',
      hint: "Leave out only the cancelled orders: o.status <> 'cancelled' keeps paid, pending and shipped.",
      run: async (t) => {
        const result = await learnerResult(t);
        const db = await t.openDataset('visible');
        try {
          const statuses = (db.exec("SELECT o.status, COUNT(*) FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE o.customer_id = 1 AND o.status <> 'cancelled' GROUP BY o.status")[0]?.rows ?? []);
          const expected = statuses.reduce((sum, row) => sum + Number(row[1]), 0);
          t.expectTrue(result.rows.length >= expected, `Your query returns ${result.rows.length} items; Grace's orders that were not cancelled hold ${expected} (${statuses.map((row) => `${String(row[1])} ${String(row[0])}`).join(', ')}). Leave out only cancelled orders — o.status <> 'cancelled' — and join order_items with JOIN, one row per item.`, { expected: `${expected} rows`, actual: `${result.rows.length} rows` });
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'order',
      timeoutMs: 15000,
      title: 'Sorted by ordered_at, then by product',
      hint: 'ORDER BY o.ordered_at, product — one order has several items, so the second key matters.',
      run: async (t) => {
        const result = await learnerResult(t);
        const [at, product] = ['ordered_at', 'product'].map((name) => result.columns.findIndex((c) => c.toLowerCase() === name));
        if (at === undefined || product === undefined || at < 0 || product < 0) return t.fail('Return the columns ordered_at and product so the order can be checked.');
        result.rows.forEach((row, i) => {
          const previous = result.rows[i - 1];
          if (!previous) return;
          const key = (r: unknown[]) => [String(r[at]), String(r[product])] as const;
          const [a, b] = [key(previous), key(row)];
          t.expectTrue(a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]), a[0] === b[0] ? `Two items of the order placed at ${a[0]} are not in alphabetical order ("${a[1]}" before "${b[1]}"). Rows that tie on the first sort key come back in no particular order: ORDER BY o.ordered_at, product.` : `Rows are not sorted by ordered_at (${a[0]} before ${b[0]}). ORDER BY o.ordered_at, product.`, { expected: 'ordered_at, then product, ascending', actual: [previous, row] });
        });
      },
    },
    {
      id: 'matches-reference',
      timeoutMs: 15000,
      title: 'Grace\'s purchases, sorted by ordered_at then product, on both datasets',
      hint: 'ORDER BY o.ordered_at, product — one order has several items, so the second key matters.',
      sql: { file: 'query.sql', reference: REFERENCE },
    },
  ],
});
