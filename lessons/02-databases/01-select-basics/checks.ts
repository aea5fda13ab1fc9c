import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';

const REFERENCE = `SELECT name, price_cents FROM products
WHERE price_cents < 2000 AND stock > 0
ORDER BY price_cents DESC, name LIMIT 10`;

async function learnerRows(t: CheckContext) {
  const { db, result } = await t.runLearnerSql('query.sql', 'visible');
  if (!result) {
    db.close();
    return t.fail('query.sql returned no rows. Write one SELECT statement; the result of the last statement is what is checked.');
  }
  return { db, result };
}

export default defineChecks({
  checks: [
    {
      id: 'columns',
      timeoutMs: 15000,
      title: 'The query returns exactly the columns name, price_cents',
      hint: 'Replace * with the two column names, separated by a comma.',
      run: async (t) => {
        const { db, result } = await learnerRows(t);
        db.close();
        t.expectEqual(result.columns.map((c) => c.toLowerCase()), ['name', 'price_cents'], `Your query returns the columns ${result.columns.join(', ')}. Select exactly name and price_cents, in that order: SELECT name, price_cents FROM products.`);
      },
    },
    {
      id: 'filter',
      timeoutMs: 15000,
      title: 'Every row costs less than 2000 cents and is in stock',
      hint: 'WHERE price_cents < 2000 AND stock > 0',
      run: async (t) => {
        const { db, result } = await learnerRows(t);
        try {
          const nameIndex = result.columns.findIndex((c) => c.toLowerCase() === 'name');
          if (nameIndex < 0) return t.fail('Select the name column so the check can tell which products you returned.');
          for (const row of result.rows) {
            const product = db.exec('SELECT price_cents, stock FROM products WHERE name = ?', [row[nameIndex]])[0]?.rows[0];
            if (!product) continue;
            const [price, stock] = product as [number, number];
            if (price >= 2000) t.fail(`"${String(row[nameIndex])}" costs ${price} cents. Keep only products with price_cents < 2000 (20.00 is 2000 cents; "less than" excludes 2000 itself).`);
            if (stock <= 0) t.fail(`"${String(row[nameIndex])}" is sold out (stock 0). Add AND stock > 0 to the WHERE clause.`);
          }
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'limit',
      timeoutMs: 15000,
      title: 'The query returns at most 10 rows',
      run: async (t) => {
        const { db, result } = await learnerRows(t);
        db.close();
        t.expectTrue(result.rows.length <= 10, `Your query returns ${result.rows.length} rows. The shelf has room for 10: end the query with LIMIT 10 (after ORDER BY).`, { expected: 'at most 10 rows', actual: `${result.rows.length} rows` });
      },
    },
    {
      id: 'order',
      timeoutMs: 15000,
      title: 'Most expensive first; equal prices in alphabetical order of name',
      hint: 'ORDER BY price_cents DESC, name — the second key decides between equal prices.',
      run: async (t) => {
        const { db, result } = await learnerRows(t);
        db.close();
        const [name, price] = ['name', 'price_cents'].map((column) => result.columns.findIndex((c) => c.toLowerCase() === column));
        if (name === undefined || price === undefined || name < 0 || price < 0) return t.fail('Select the columns name and price_cents so the order can be checked.');
        result.rows.forEach((row, i) => {
          const previous = result.rows[i - 1];
          if (!previous) return;
          const [before, now] = [Number(previous[price]), Number(row[price])];
          t.expectTrue(before >= now, `Row ${i + 1} costs more than row ${i} (${now} after ${before}). Sort the most expensive first: ORDER BY price_cents DESC.`, { expected: 'prices from high to low', actual: [previous, row] });
          if (before === now) {
            t.expectTrue(String(previous[name]) < String(row[name]), `"${String(previous[name])}" and "${String(row[name])}" cost the same (${now}) but are not in alphabetical order. Without a second sort key, equal prices come back in no particular order: ORDER BY price_cents DESC, name.`, { expected: [String(row[name]), String(previous[name])].sort(), actual: [previous[name], row[name]] });
          }
        });
      },
    },
    {
      id: 'matches-reference',
      timeoutMs: 15000,
      title: 'The right 10 products, in the right order, on both datasets',
      hint: 'Sort by price_cents DESC first, then by name for equal prices: ORDER BY price_cents DESC, name.',
      sql: { file: 'query.sql', reference: REFERENCE },
    },
  ],
});
