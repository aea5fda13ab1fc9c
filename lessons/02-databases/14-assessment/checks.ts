import { defineChecks, type CheckContext, type DatasetVariant, type QueryResult, type SqlDatabase } from '../../../src/checks/define.ts';

/**
 * The databases self-assessment. Each check grades one skill of the track (`skill`) and, as far
 * as a report allows, one mistake fails one check: the report checks other than
 * `report-units-revenue` run on a copy holding only orders well inside the rules (paid or
 * shipped, between 2024-01-02 and 2024-12-30), so a wrong status or date filter costs that one
 * check and not the orders, categories and top products as well.
 */

const IN_SCOPE = "o.status IN ('paid', 'shipped') AND o.ordered_at >= '2024-01-01' AND o.ordered_at < '2025-01-01'";

const REPORT = `WITH sold AS (
  SELECT p.category_id, p.id AS product_id, p.name AS product, o.id AS order_id, oi.quantity, oi.quantity * oi.unit_price_cents AS amount
  FROM orders o JOIN order_items oi ON oi.order_id = o.id JOIN products p ON p.id = oi.product_id
  WHERE ${IN_SCOPE}
),
per_product AS (SELECT category_id, product, SUM(quantity) AS units FROM sold GROUP BY category_id, product_id),
ranked AS (SELECT category_id, product, ROW_NUMBER() OVER (PARTITION BY category_id ORDER BY units DESC, product) AS position FROM per_product)
SELECT c.name AS category, COUNT(DISTINCT s.order_id) AS orders, SUM(s.quantity) AS units, SUM(s.amount) AS revenue_cents, r.product AS top_product
FROM categories c
JOIN sold s ON s.category_id = c.id
JOIN ranked r ON r.category_id = c.id AND r.position = 1
GROUP BY c.id
HAVING SUM(s.amount) >= 5000000
ORDER BY revenue_cents DESC, category`;

/** Leaves only orders no reasonable status or date filter disagrees about. */
const WELL_INSIDE = `DELETE FROM order_items WHERE order_id IN (SELECT id FROM orders
  WHERE status NOT IN ('paid', 'shipped') OR ordered_at < '2024-01-02' OR ordered_at >= '2024-12-31');
DELETE FROM orders WHERE status NOT IN ('paid', 'shipped') OR ordered_at < '2024-01-02' OR ordered_at >= '2024-12-31';`;

/**
 * On top of WELL_INSIDE: in every category, the alphabetically first and last products get
 * exactly as many units as the best seller (one extra paid order), so the top product is a
 * three-way tie that only the name decides.
 */
const TIES_AT_THE_TOP = `${WELL_INSIDE}
INSERT INTO orders (id, customer_id, ordered_at, status) VALUES (99999, 1, '2024-06-01 12:00:00', 'paid');
WITH units AS (
  SELECT p.category_id, p.id, p.name, p.price_cents, COALESCE(SUM(oi.quantity), 0) AS u
  FROM products p LEFT JOIN order_items oi ON oi.product_id = p.id GROUP BY p.id
),
top AS (SELECT category_id, MAX(u) AS best FROM units GROUP BY category_id),
named AS (
  SELECT units.*, top.best,
         ROW_NUMBER() OVER (PARTITION BY units.category_id ORDER BY units.name) AS first,
         ROW_NUMBER() OVER (PARTITION BY units.category_id ORDER BY units.name DESC) AS last
  FROM units JOIN top ON top.category_id = units.category_id
)
INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
SELECT 99999, id, best - u, price_cents FROM named WHERE (first = 1 OR last = 1) AND u < best;`;

/** Per category, every product with the most units (on a copy holding only in-scope orders). */
const BEST_SELLERS = `WITH per_product AS (SELECT c.name AS category, p.name AS product, SUM(oi.quantity) AS units
    FROM order_items oi JOIN products p ON p.id = oi.product_id JOIN categories c ON c.id = p.category_id GROUP BY p.id)
  SELECT category, product FROM per_product pp WHERE units = (SELECT MAX(units) FROM per_product WHERE category = pp.category)`;

const COLUMNS = ['category', 'orders', 'units', 'revenue_cents', 'top_product'];
const VARIANTS: DatasetVariant[] = ['visible', 'hidden'];

type Row = unknown[];

function rows(db: SqlDatabase, sql: string): Row[] {
  return db.exec(sql)[0]?.rows ?? [];
}

/** The learner's report and the reference, per variant, keyed by category; `setup` runs on both copies first. */
async function reports(t: CheckContext, setup?: string) {
  const out: { variant: DatasetVariant; got: Map<string, Row>; want: Map<string, Row>; db: SqlDatabase }[] = [];
  for (const variant of VARIANTS) {
    const { db, result } = await t.runLearnerSql('query.sql', variant, setup === undefined ? {} : { setup });
    db.close();
    if (!result) return t.fail('query.sql returns no rows. End it with the SELECT that answers the question.');
    const columns = result.columns.map((c) => c.toLowerCase());
    if (COLUMNS.some((c, i) => columns[i] !== c)) return t.fail(`query.sql returns the columns ${result.columns.join(', ')}; return ${COLUMNS.join(', ')}, in that order.`);
    const dataset = await t.openDataset(variant);
    if (setup !== undefined) dataset.execScript(setup);
    const reference: QueryResult | undefined = dataset.exec(REPORT)[0];
    const byCategory = (list: Row[]) => new Map(list.map((row) => [String(row[0]), row]));
    out.push({ variant, got: byCategory(result.rows), want: byCategory(reference?.rows ?? []), db: dataset });
  }
  return out;
}

function onWhich(variant: DatasetVariant): string {
  return variant === 'visible' ? '' : ' (on the hidden dataset: your query must not depend on the rows you can see)';
}

/** Runs a learner file with the sql.js API the way an application would: on an error, ROLLBACK if a transaction is open. */
function runLikeAnApp(db: SqlDatabase, script: string): string | undefined {
  try {
    db.execScript(script);
    return undefined;
  } catch (error) {
    try {
      db.exec('ROLLBACK');
    } catch {
      // No transaction was open: the statements before the failing one stay.
    }
    return error instanceof Error ? error.message : String(error);
  }
}

async function learnerFile(t: CheckContext, path: string): Promise<string> {
  const text = await t.readFile(path);
  if (text === undefined || text.replace(/--.*$/gm, '').trim() === '') return t.fail(`${path} is empty: write the statements it asks for.`);
  return text;
}

export default defineChecks({
  checks: [
    {
      id: 'report-categories',
      title: 'The report lists exactly the categories with at least 5,000,000 cents of revenue',
      skill: 'databases/aggregates',
      weight: 2,
      timeoutMs: 60000,
      run: async (t) => {
        for (const { variant, got, want, db } of await reports(t, WELL_INSIDE)) {
          db.close();
          t.expectEqual([...got.keys()].sort(), [...want.keys()].sort(), `Your report lists other categories than expected${onWhich(variant)}. Keep a category only if its revenue_cents is at least 5000000 — a condition on a group's total, so HAVING SUM(…) >= 5000000.`);
        }
      },
    },
    {
      id: 'report-orders',
      title: 'orders counts each order once per category',
      skill: 'databases/joins',
      weight: 1,
      timeoutMs: 60000,
      run: async (t) => {
        for (const { variant, got, want, db } of await reports(t, WELL_INSIDE)) {
          db.close();
          for (const [category, row] of want) {
            const mine = got.get(category);
            if (mine) t.expectTrue(Number(mine[1]) === Number(row[1]), `orders for ${category} is ${String(mine[1])}, expected ${String(row[1])}${onWhich(variant)}. After joining order_items there is one row per item: COUNT(DISTINCT order id).`, { expected: row[1], actual: mine[1] });
          }
        }
      },
    },
    {
      id: 'report-units-revenue',
      title: 'units and revenue_cents count only paid or shipped orders placed in 2024',
      skill: 'databases/select-basics',
      weight: 2,
      timeoutMs: 60000,
      run: async (t) => {
        for (const { variant, got, want, db } of await reports(t)) {
          db.close();
          for (const [category, row] of want) {
            const mine = got.get(category);
            if (!mine) continue;
            t.expectTrue(Number(mine[2]) === Number(row[2]) && Number(mine[3]) === Number(row[3]), `${category}: units ${String(mine[2])} and revenue_cents ${String(mine[3])}, expected ${String(row[2])} and ${String(row[3])}${onWhich(variant)}. Count items of paid or shipped orders with ordered_at >= '2024-01-01' AND ordered_at < '2025-01-01' (an order at 2024-12-31 23:59:59 is in, one at 2025-01-01 00:00:00 is out), revenue as quantity * unit_price_cents.`, { expected: row.slice(2, 4), actual: mine.slice(2, 4) });
          }
        }
      },
    },
    {
      id: 'report-top-product',
      title: 'top_product is a product with the most units sold in its category',
      skill: 'databases/subqueries-ctes',
      weight: 1,
      timeoutMs: 60000,
      run: async (t) => {
        for (const { variant, got, db } of await reports(t, WELL_INSIDE)) {
          try {
            const best = rows(db, BEST_SELLERS);
            for (const [category, mine] of got) {
              const leaders = best.filter((row) => row[0] === category).map((row) => row[1]);
              t.expectTrue(leaders.includes(mine[4]), `top_product for ${category} is ${JSON.stringify(mine[4])}, which did not sell the most units there${onWhich(variant)} (the best: ${leaders.join(', ')}). Sum the units per product first (a CTE or subquery), then pick the product with the highest sum in each category.`, { expected: leaders, actual: mine[4] });
            }
          } finally {
            db.close();
          }
        }
      },
    },
    {
      id: 'report-top-product-ties',
      title: 'When products tie for most units, top_product is the alphabetically first',
      skill: 'databases/window-functions',
      weight: 1,
      timeoutMs: 60000,
      run: async (t) => {
        for (const { variant, got, want, db } of await reports(t, TIES_AT_THE_TOP)) {
          let leaders: Row[];
          try {
            leaders = rows(db, BEST_SELLERS);
          } finally {
            db.close();
          }
          for (const [category, row] of want) {
            const mine = got.get(category);
            // A top_product that is no best seller at all is report-top-product's concern; this check grades the tie-break.
            const tied = leaders.filter((leader) => leader[0] === category).map((leader) => leader[1]);
            if (mine && tied.includes(mine[4])) t.expectEqual(mine[4], row[4], `With several products tied for the most units in ${category}, top_product must be the alphabetically first: ${JSON.stringify(row[4])}, not ${JSON.stringify(mine[4])}${onWhich(variant)}. Make the ranking total: ROW_NUMBER() OVER (PARTITION BY category ORDER BY units DESC, product).`);
          }
        }
      },
    },
    {
      id: 'report-order',
      title: 'The report is sorted by revenue_cents, highest first, then by category',
      skill: 'databases/select-basics',
      weight: 1,
      timeoutMs: 60000,
      run: async (t) => {
        const { db, result } = await t.runLearnerSql('query.sql', 'visible');
        db.close();
        if (!result) return t.fail('query.sql returns no rows. End it with the SELECT that answers the question.');
        result.rows.forEach((row, i) => {
          const previous = result.rows[i - 1];
          if (!previous) return;
          const [a, b] = [Number(previous[3]), Number(row[3])];
          t.expectTrue(a > b || (a === b && String(previous[0]) <= String(row[0])), `${String(row[0])} comes after ${String(previous[0])} but earned ${a === b ? 'the same and sorts first by name' : 'more'}. ORDER BY revenue_cents DESC, category.`, { expected: 'revenue_cents descending, then category', actual: [previous, row] });
        });
      },
    },
    {
      id: 'unsold-products',
      title: 'unsold.sql lists the products with no paid or shipped 2024 sale',
      skill: 'databases/left-join',
      weight: 1,
      timeoutMs: 60000,
      sql: {
        file: 'unsold.sql',
        reference: `SELECT p.name FROM products p WHERE NOT EXISTS (SELECT 1 FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE oi.product_id = p.id AND ${IN_SCOPE}) ORDER BY p.name`,
      },
    },
    {
      id: 'restock',
      title: 'restock.sql restocks exactly the sold-out products sold in 2024',
      skill: 'databases/modify-data',
      weight: 1,
      timeoutMs: 60000,
      run: async (t) => {
        for (const variant of VARIANTS) {
          const { db: learner } = await t.runLearnerSql('restock.sql', variant);
          const reference = await t.openDataset(variant);
          try {
            reference.exec(`UPDATE products SET stock = 10 WHERE stock = 0 AND id IN (SELECT oi.product_id FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE ${IN_SCOPE})`);
            const sql = 'SELECT id, stock FROM products ORDER BY id';
            const [got, want] = [rows(learner, sql), rows(reference, sql)];
            const wrong = want.filter((row, i) => JSON.stringify(row) !== JSON.stringify(got[i]));
            t.expectTrue(wrong.length === 0 && got.length === want.length, `${wrong.length} products have the wrong stock after restock.sql${onWhich(variant)} (e.g. product ${String(wrong[0]?.[0])} should have ${String(wrong[0]?.[1])}). Set stock = 10 only WHERE stock = 0 AND the product is in a paid or shipped order of 2024 (a subquery on order_items and orders).`, { expected: wrong.slice(0, 3), actual: wrong.slice(0, 3).map((row) => got.find((g) => g[0] === row[0])) });
          } finally {
            learner.close();
            reference.close();
          }
        }
      },
    },
    {
      id: 'wishlist-constraints',
      title: 'migration.sql creates wishlist_items that refuses bad rows',
      skill: 'databases/schema-design',
      weight: 1,
      timeoutMs: 60000,
      run: async (t) => {
        const { db } = await t.runLearnerSql('migration.sql', 'visible', { setup: 'PRAGMA user_version = 1;' });
        try {
          if (rows(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'wishlist_items'").length === 0) return t.fail('There is no table wishlist_items after migration.sql: CREATE TABLE wishlist_items (customer_id …, product_id …, added_at …).');
          db.exec('PRAGMA foreign_keys = ON');
          const refuses = (sql: string) => {
            try {
              db.exec(sql);
              return false;
            } catch {
              return true;
            }
          };
          const add = (values: string) => `INSERT INTO wishlist_items (customer_id, product_id, added_at) VALUES ${values}`;
          t.expectTrue(!refuses(add("(1, 7, '2025-03-01 10:00:00')")), 'A valid wish (customer 1, product 7) was refused.');
          t.expectTrue(refuses(add("(1, 7, '2025-03-02 10:00:00')")), 'Customer 1 could wish for product 7 twice: one row per customer and product — a PRIMARY KEY or UNIQUE on (customer_id, product_id).');
          t.expectTrue(refuses(add("(1, 999999, '2025-03-01 10:00:00')")), 'A wish for product 999999 (which does not exist) was accepted: product_id REFERENCES products(id).');
          t.expectTrue(refuses(add("(999999, 7, '2025-03-01 10:00:00')")), 'A wish of customer 999999 (who does not exist) was accepted: customer_id REFERENCES customers(id).');
          t.expectTrue(refuses(add('(2, 7, NULL)')) && refuses(add("(NULL, 8, '2025-03-01')")) && refuses(add("(2, NULL, '2025-03-01')")), 'A wish without customer, product or added_at was accepted: all three are required (NOT NULL).');
          db.exec("INSERT INTO customers (id, name, email, city, country, created_at) VALUES (999001, 'Temp', 'temp@shop.test', 'Oslo', 'Norway', '2025-01-01')");
          db.exec(add("(999001, 8, '2025-03-01 10:00:00')"));
          t.expectTrue(!refuses('DELETE FROM customers WHERE id = 999001') && rows(db, 'SELECT 1 FROM wishlist_items WHERE customer_id = 999001').length === 0, 'Deleting a customer must delete their wishes too: customer_id … REFERENCES customers(id) ON DELETE CASCADE.');
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'wishlist-index',
      title: 'Finding who wishes for a product searches an index',
      skill: 'databases/indexes',
      weight: 1,
      timeoutMs: 60000,
      run: async (t) => {
        const { db } = await t.runLearnerSql('migration.sql', 'visible', { setup: 'PRAGMA user_version = 1;' });
        try {
          if (rows(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'wishlist_items'").length === 0) return t.fail('There is no table wishlist_items after migration.sql yet.');
          const plan = rows(db, 'EXPLAIN QUERY PLAN SELECT customer_id FROM wishlist_items WHERE product_id = 7').map((row) => String(row[3]));
          t.expectTrue(plan.some((line) => /^SEARCH wishlist_items USING (COVERING )?INDEX .*product_id=\?/.test(line)), 'SELECT customer_id FROM wishlist_items WHERE product_id = ? reads the whole table. An index is usable from its first column: add one that starts with product_id.', { expected: 'SEARCH wishlist_items USING … INDEX … (product_id=?)', actual: plan.join('\n') });
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'migration-version',
      title: 'migration.sql brings the schema from version 1 to version 2',
      skill: 'databases/migration',
      weight: 1,
      timeoutMs: 60000,
      run: async (t) => {
        const { db } = await t.runLearnerSql('migration.sql', 'visible', { setup: 'PRAGMA user_version = 1;' });
        try {
          const version = Number(rows(db, 'PRAGMA user_version')[0]?.[0]);
          t.expectTrue(version === 2, `After migration.sql the database says it is at schema version ${version}. Record the version this migration brings it to: PRAGMA user_version = 2; before COMMIT.`, { expected: 2, actual: version });
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'order-all-or-nothing',
      title: 'order.sql places the order completely — or, when a statement fails, not at all',
      skill: 'databases/transactions',
      weight: 1,
      timeoutMs: 60000,
      run: async (t) => {
        const script = await learnerFile(t, 'order.sql');
        const at = "'2025-02-01 10:00:00'";
        const ok = await t.openDataset('visible');
        try {
          ok.exec('UPDATE products SET stock = 50 WHERE id = 7');
          const [price] = rows(ok, 'SELECT price_cents FROM products WHERE id = 7')[0] ?? [];
          const failure = runLikeAnApp(ok, script);
          if (failure !== undefined) return t.fail(`order.sql failed on the shop: ${failure}`);
          const placed = rows(ok, `SELECT o.status, oi.product_id, oi.quantity, oi.unit_price_cents FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE o.customer_id = 1 AND o.ordered_at = ${at}`);
          t.expectEqual(placed, [['paid', 7, 2, price]], `order.sql must add one paid order for customer 1 at ${at} with one item: product 7, quantity 2, at its current price (${String(price)}).`);
          t.expectEqual(rows(ok, 'SELECT stock FROM products WHERE id = 7')[0]?.[0], 48, 'order.sql must take the 2 units from product 7\'s stock.');
          let stillOpen = true;
          try {
            ok.exec('ROLLBACK');
          } catch {
            stillOpen = false;
          }
          t.expectTrue(!stillOpen, 'order.sql leaves its transaction open: end it with COMMIT, or the application never keeps the order.');
        } finally {
          ok.close();
        }
        // Now the item cannot be written (the warehouse is offline): nothing of the order may remain.
        const broken = await t.openDataset('visible');
        try {
          broken.exec('UPDATE products SET stock = 50 WHERE id = 7');
          broken.exec("CREATE TRIGGER warehouse_offline BEFORE INSERT ON order_items BEGIN SELECT RAISE(ABORT, 'warehouse offline'); END;");
          runLikeAnApp(broken, script);
          const orders = rows(broken, `SELECT id FROM orders WHERE customer_id = 1 AND ordered_at = ${at}`).length;
          const stock = rows(broken, 'SELECT stock FROM products WHERE id = 7')[0]?.[0];
          t.expectTrue(orders === 0 && stock === 50, `When writing the item fails, ${orders} order(s) stay behind and the stock is ${String(stock)} (it was 50): the statements before the failure were kept. Wrap the three statements in BEGIN; … COMMIT; — the application rolls back what a failed transaction did.`, { expected: 'no order, stock 50', actual: { orders, stock } });
        } finally {
          broken.close();
        }
      },
    },
    {
      id: 'save-parameters',
      title: 'save.sql takes its values from the :price, :id and :seen_price parameters',
      skill: 'databases/parameterized-queries',
      weight: 1,
      timeoutMs: 60000,
      run: async (t) => {
        const statement = await learnerFile(t, 'save.sql');
        for (const variant of VARIANTS) {
          const db = await t.openDataset(variant);
          try {
            const [id, seen] = (rows(db, 'SELECT id, price_cents FROM products WHERE id = 123')[0] ?? []) as [number, number];
            const before = rows(db, 'SELECT id, price_cents FROM products ORDER BY id');
            try {
              // sql.js binds an object of named parameters too; the check API types params as a list.
              db.exec(statement, { ':price': seen + 111, ':id': id, ':seen_price': seen } as unknown as unknown[]);
              db.exec(statement, { ':price': 1, ':id': '5 OR 1=1', ':seen_price': 0 } as unknown as unknown[]);
            } catch (error) {
              return t.fail(`save.sql did not run with the parameters :price, :id and :seen_price bound: ${error instanceof Error ? error.message : String(error)}. Write one UPDATE that uses exactly those names where the values go (SET price_cents = :price …).`);
            }
            const after = rows(db, 'SELECT id, price_cents FROM products ORDER BY id');
            const changed = after.filter((row, i) => row[1] !== before[i]?.[1]);
            t.expectEqual(changed, [[id, seen + 111]], `With :price = ${seen + 111}, :id = ${id} and :seen_price = ${seen} (its current price), exactly product ${id} must get the new price${onWhich(variant)} — and an :id of '5 OR 1=1' must change nothing. Take every value from a parameter; never type them into the SQL.`);
          } finally {
            db.close();
          }
        }
      },
    },
    {
      id: 'save-stale-refused',
      title: 'save.sql changes nothing when the price is no longer the one the admin saw',
      skill: 'databases/lost-updates',
      weight: 1,
      timeoutMs: 60000,
      run: async (t) => {
        const statement = await learnerFile(t, 'save.sql');
        const db = await t.openDataset('visible');
        try {
          const [id, current] = (rows(db, 'SELECT id, price_cents FROM products WHERE id = 45')[0] ?? []) as [number, number];
          try {
            db.exec(statement, { ':price': 4242, ':id': id, ':seen_price': current - 100 } as unknown as unknown[]);
          } catch (error) {
            return t.fail(`save.sql did not run with :price, :id and :seen_price bound: ${error instanceof Error ? error.message : String(error)}`);
          }
          const now = rows(db, `SELECT price_cents FROM products WHERE id = ${id}`)[0]?.[0];
          t.expectEqual(now, current, `The admin saw ${current - 100} cents, but someone has changed the price to ${current} since; save.sql overwrote it with 4242 anyway (a lost update). Save only if the price is still the one seen: … WHERE id = :id AND price_cents = :seen_price.`);
        } finally {
          db.close();
        }
      },
    },
  ],
});
