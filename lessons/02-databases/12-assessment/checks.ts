import { defineChecks, type CheckContext, type QueryResult } from '../../../src/checks/define.ts';

/** One row per item of a paid or shipped 2024 order, the base of every number in the report. */
const SOLD = `SELECT p.category_id, p.id AS product_id, p.name AS product, o.id AS order_id,
       oi.quantity, oi.quantity * oi.unit_price_cents AS amount
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
JOIN products p ON p.id = oi.product_id
WHERE o.status IN ('paid', 'shipped') AND o.ordered_at >= '2024-01-01' AND o.ordered_at < '2025-01-01'`;

const REFERENCE = `WITH sold AS (${SOLD}),
per_product AS (SELECT category_id, product, SUM(quantity) AS units FROM sold GROUP BY category_id, product_id),
ranked AS (SELECT category_id, product, ROW_NUMBER() OVER (PARTITION BY category_id ORDER BY units DESC, product) AS position FROM per_product)
SELECT c.name AS category, COUNT(DISTINCT s.order_id) AS orders, SUM(s.quantity) AS units, SUM(s.amount) AS revenue_cents, r.product AS top_product
FROM categories c
JOIN sold s ON s.category_id = c.id
JOIN ranked r ON r.category_id = c.id AND r.position = 1
GROUP BY c.id
HAVING SUM(s.amount) >= 5000000
ORDER BY revenue_cents DESC, category`;

const COLUMNS = ['category', 'orders', 'units', 'revenue_cents', 'top_product'];

/** The learner's and the reference rows (visible dataset), keyed by category. */
async function compare(t: CheckContext) {
  const { db, result } = await t.runLearnerSql('query.sql', 'visible');
  db.close();
  if (!result) return t.fail('query.sql returned no rows. Write one SELECT; the result of its last statement is what is checked.');
  const columns = result.columns.map((c) => c.toLowerCase());
  if (COLUMNS.some((c, i) => columns[i] !== c)) return t.fail(`Your query returns the columns ${result.columns.join(', ')}; return ${COLUMNS.join(', ')}, in that order.`);
  const dataset = await t.openDataset('visible');
  let reference: QueryResult | undefined;
  try {
    reference = dataset.exec(REFERENCE)[0];
  } finally {
    dataset.close();
  }
  const byCategory = (r: QueryResult | undefined) => new Map((r?.rows ?? []).map((row) => [String(row[0]), row]));
  return { got: byCategory(result), want: byCategory(reference) };
}

export default defineChecks({
  checks: [
    {
      id: 'categories-kept',
      title: 'Exactly the categories with at least 5,000,000 cents of 2024 revenue',
      run: async (t) => {
        const { got, want } = await compare(t);
        t.expectEqual([...got.keys()].sort(), [...want.keys()].sort(), 'Your report lists other categories than expected. Only paid or shipped orders placed in 2024 count, and only categories with revenue_cents >= 5000000 stay (HAVING).');
      },
    },
    {
      id: 'numbers',
      title: 'orders, units and revenue_cents are right for every category',
      run: async (t) => {
        const { got, want } = await compare(t);
        for (const [category, row] of want) {
          const mine = got.get(category);
          if (!mine) continue;
          for (const [index, name] of [[1, 'orders'], [2, 'units'], [3, 'revenue_cents']] as const) {
            t.expectTrue(Number(mine[index]) === Number(row[index]), `${name} for ${category} is ${String(mine[index])}, expected ${String(row[index])}.`, { expected: row[index], actual: mine[index] });
          }
        }
      },
    },
    {
      id: 'top-product',
      title: 'top_product is the category\'s best seller by units, ties by name',
      run: async (t) => {
        const { got, want } = await compare(t);
        for (const [category, row] of want) {
          const mine = got.get(category);
          if (!mine) continue;
          t.expectEqual(mine[4], row[4], `top_product for ${category} is ${JSON.stringify(mine[4])}; expected ${JSON.stringify(row[4])} — the product with the most units sold in paid or shipped 2024 orders, ties broken by name.`);
        }
      },
    },
    {
      id: 'matches-reference',
      title: 'The whole report, in order, on both datasets',
      sql: { file: 'query.sql', reference: REFERENCE },
    },
  ],
});
