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
      id: 'matches-reference',
      title: 'The right products, in the right order, on both datasets',
      hint: 'ORDER BY category, p.price_cents DESC, product',
      sql: { file: 'query.sql', reference: REFERENCE },
    },
  ],
});
