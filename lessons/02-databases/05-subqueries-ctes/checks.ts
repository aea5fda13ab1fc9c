import { defineChecks } from '../../../src/checks/define.ts';

const REFERENCE = `SELECT c.name AS category, p.name AS product, p.price_cents
FROM products p
JOIN categories c ON c.id = p.category_id
WHERE p.price_cents > (SELECT AVG(p2.price_cents) FROM products p2 WHERE p2.category_id = p.category_id)
ORDER BY category, p.price_cents DESC, product`;

export default defineChecks({
  checks: [
    {
      id: 'per-category-average',
      title: 'Each product is compared with its own category\'s average',
      hint: 'Group the averages by category_id, or correlate the subquery: WHERE p2.category_id = p.category_id.',
      timeoutMs: 15000,
      run: async (t) => {
        const { db, result } = await t.runLearnerSql('query.sql', 'visible');
        db.close();
        if (!result) return t.fail('query.sql returned no rows. Write one SELECT; the result of its last statement is what is checked.');
        const column = result.columns.findIndex((c) => c.toLowerCase() === 'product');
        if (column < 0) return t.fail(`Your query returns ${result.columns.join(', ')}; return category, product, price_cents (p.name AS product).`);
        const dataset = await t.openDataset('visible');
        try {
          const list = (sql: string) => (dataset.exec(sql)[0]?.rows ?? []).map((row) => row[0] as string);
          const globally = list('SELECT name FROM products WHERE price_cents > (SELECT AVG(price_cents) FROM products)');
          const perCategory = new Set(list('SELECT p.name FROM products p WHERE p.price_cents > (SELECT AVG(p2.price_cents) FROM products p2 WHERE p2.category_id = p.category_id)'));
          const got = result.rows.map((row) => row[column] as string);
          const sameAsGlobal = got.length === globally.length && got.every((name) => globally.includes(name));
          t.expectTrue(!sameAsGlobal, 'Your list is every product above the average of ALL products. The task is the average of the product\'s own category: correlate the subquery (… FROM products p2 WHERE p2.category_id = p.category_id) or join a CTE that computes AVG(price_cents) per category_id.', { expected: `${perCategory.size} products`, actual: `${got.length} products` });
          const wrong = got.find((name) => !perCategory.has(name));
          t.expectTrue(wrong === undefined, `"${wrong ?? ''}" is not more expensive than its category's average. Compare p.price_cents > the average of the same category_id (strictly greater).`, { actual: wrong });
          const missing = [...perCategory].find((name) => !got.includes(name));
          t.expectTrue(missing === undefined, `"${missing ?? ''}" costs more than its category's average but is missing from your result.`, { expected: missing });
        } finally {
          dataset.close();
        }
      },
    },
    {
      id: 'strictly-above',
      title: 'A product priced exactly at its category\'s average is not listed',
      hint: 'More than the average means >, and compare with the exact AVG(price_cents) — do not round it.',
      timeoutMs: 15000,
      // Two small categories planted for this check: in Zines the average (1000) is a price; in Stamps it is 1000.5.
      sql: {
        file: 'query.sql',
        reference: REFERENCE,
        setup: `INSERT INTO categories (id, name) VALUES (101, 'Zines'), (102, 'Stamps');
INSERT INTO products (id, name, category_id, price_cents, stock) VALUES
  (9001, 'Pocket Zine 1', 101, 500, 3), (9002, 'Pocket Zine 2', 101, 1000, 3), (9003, 'Pocket Zine 3', 101, 1500, 3),
  (9004, 'Rare Stamp 1', 102, 1000, 1), (9005, 'Rare Stamp 2', 102, 1001, 1);`,
      },
    },
    {
      id: 'matches-reference',
      title: 'The right products, in the right order, on both datasets',
      hint: 'ORDER BY category, p.price_cents DESC, product',
      timeoutMs: 15000,
      sql: { file: 'query.sql', reference: REFERENCE },
    },
  ],
});
