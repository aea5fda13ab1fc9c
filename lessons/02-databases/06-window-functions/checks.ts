import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';

const REFERENCE = `WITH ranked AS (
  SELECT c.name AS category, p.name AS product, p.price_cents,
         RANK() OVER (PARTITION BY p.category_id ORDER BY p.price_cents DESC) AS position
  FROM products p JOIN categories c ON c.id = p.category_id
)
SELECT category, product, price_cents, position FROM ranked WHERE position <= 3
ORDER BY category, position, product`;

const COLUMNS = ['category', 'product', 'price_cents', 'position'];

interface Row { category: string; product: string; price: number; position: number }

/** The learner's rows (visible dataset) and, per product name, its true rank within its category. */
async function analyse(t: CheckContext) {
  const { db, result } = await t.runLearnerSql('query.sql', 'visible');
  db.close();
  if (!result) return t.fail('query.sql returned no rows. End it with the SELECT that answers the question.');
  const columns = result.columns.map((c) => c.toLowerCase());
  if (COLUMNS.some((c, i) => columns[i] !== c)) return t.fail(`Your query returns the columns ${result.columns.join(', ')}; return ${COLUMNS.join(', ')}, in that order (name the window function's result AS position).`);
  const dataset = await t.openDataset('visible');
  try {
    // Rank by definition: 1 + how many products of the same category cost more.
    const truth = dataset.exec(`SELECT c.name, p.name, 1 + (SELECT COUNT(*) FROM products p2 WHERE p2.category_id = p.category_id AND p2.price_cents > p.price_cents)
      FROM products p JOIN categories c ON c.id = p.category_id`)[0]?.rows ?? [];
    return {
      rows: result.rows.map((row): Row => ({ category: String(row[0]), product: String(row[1]), price: Number(row[2]), position: Number(row[3]) })),
      rank: new Map(truth.map((row) => [String(row[1]), Number(row[2])])),
      podium: truth.filter((row) => Number(row[2]) <= 3).map((row) => `${String(row[0])} / ${String(row[1])}`),
      categories: new Set(truth.map((row) => String(row[0]))),
    };
  } finally {
    dataset.close();
  }
}

export default defineChecks({
  checks: [
    {
      id: 'every-category',
      title: 'Every category has its own podium',
      hint: 'PARTITION BY p.category_id restarts the ranking in each category.',
      timeoutMs: 15000,
      run: async (t) => {
        const { rows, categories } = await analyse(t);
        const missing = [...categories].filter((category) => !rows.some((row) => row.category === category));
        t.expectTrue(missing.length === 0, `${missing.length} categories have no rows (e.g. ${missing[0] ?? ''}). Rank within each category — RANK() OVER (PARTITION BY p.category_id ORDER BY p.price_cents DESC) — and keep positions 1 to 3 with a WHERE around it, not with LIMIT.`, { expected: [...categories].sort(), actual: [...new Set(rows.map((row) => row.category))].sort() });
      },
    },
    {
      id: 'position-is-rank',
      title: 'position is the rank within the category: ties share it, the next one skips',
      hint: 'RANK() gives 1, 1, 1, 4 for three products tied at the top; ROW_NUMBER() gives 1, 2, 3, 4 and DENSE_RANK() 1, 1, 1, 2.',
      timeoutMs: 15000,
      run: async (t) => {
        const { rows, rank } = await analyse(t);
        for (const row of rows) {
          const expected = rank.get(row.product);
          if (expected === row.position) continue;
          const tied = rows.filter((other) => other.category === row.category && other.price === row.price).length;
          t.fail(`${row.product} (${row.category}, ${row.price} cents) has position ${row.position}; ${String((expected ?? 1) - 1)} products of its category cost more, so its position is ${String(expected)}. ${tied > 1 ? 'Products with the same price share a position: RANK(), not ROW_NUMBER().' : 'After a tie the next position skips (1, 1, 1, 4): RANK(), not DENSE_RANK().'} Order the window by price, highest first: OVER (PARTITION BY p.category_id ORDER BY p.price_cents DESC).`, { expected, actual: row.position });
        }
      },
    },
    {
      id: 'ties-included',
      title: 'Products tied on 3rd place are all on the podium, nobody else is',
      hint: 'Filter on the rank after computing it: WITH ranked AS (…) SELECT … FROM ranked WHERE position <= 3.',
      timeoutMs: 15000,
      run: async (t) => {
        const { rows, podium } = await analyse(t);
        const got = rows.map((row) => `${row.category} / ${row.product}`);
        const missing = podium.filter((key) => !got.includes(key));
        const extra = got.filter((key) => !podium.includes(key));
        t.expectTrue(missing.length === 0, `${missing.length} products ranked 1 to 3 are missing (e.g. ${missing[0] ?? ''}). When products tie for 3rd place, all of them are in the top 3: keep WHERE position <= 3 with RANK().`, { expected: podium.length, actual: got.length });
        t.expectTrue(extra.length === 0, `${extra.length} of your rows are not in their category's top 3 (e.g. ${extra[0] ?? ''}). Keep only rows whose RANK() is 1 to 3.`, { expected: podium.length, actual: got.length });
      },
    },
    {
      id: 'order',
      title: 'Sorted by category, position, then product',
      hint: 'Tied products share a position, so the last key decides their order: ORDER BY category, position, product.',
      timeoutMs: 15000,
      run: async (t) => {
        const { rows } = await analyse(t);
        rows.forEach((row, i) => {
          const previous = rows[i - 1];
          if (!previous) return;
          const key = (r: Row) => [r.category, r.position, r.product] as const;
          const [a, b] = [key(previous), key(row)];
          const inOrder = a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2])));
          t.expectTrue(inOrder, a[0] === b[0] && a[1] === b[1] ? `"${a[2]}" and "${b[2]}" share position ${a[1]} in ${a[0]} but are not in alphabetical order. Tied rows come back in no particular order: ORDER BY category, position, product.` : `Rows are not sorted by category, then position (${a[0]} #${a[1]} before ${b[0]} #${b[1]}).`, { expected: 'category, position, product', actual: [previous, row] });
        });
      },
    },
    {
      id: 'matches-reference',
      title: 'The podiums of every category, on both datasets',
      timeoutMs: 15000,
      sql: { file: 'query.sql', reference: REFERENCE },
    },
  ],
});
