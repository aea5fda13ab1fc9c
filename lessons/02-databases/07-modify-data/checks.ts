import { defineChecks, type CheckContext, type DatasetVariant, type SqlDatabase } from '../../../src/checks/define.ts';

const REFERENCE = `
INSERT INTO customers (name, email, city, country, created_at) VALUES
  ('Grace Hopper', 'grace@shop.test', 'Arlington', 'United States', '2025-01-01 09:00:00'),
  ('Ada Lovelace', 'ada@shop.test', 'London', 'United Kingdom', '2025-01-01 09:00:00')
ON CONFLICT (email) DO UPDATE SET city = excluded.city, country = excluded.country;
UPDATE orders SET status = 'cancelled' WHERE status = 'pending' AND ordered_at < '2024-01-01';
DELETE FROM products WHERE stock = 0 AND NOT EXISTS (SELECT 1 FROM order_items oi WHERE oi.product_id = products.id);`;

function rows(db: SqlDatabase, sql: string): unknown[][] {
  return db.exec(sql)[0]?.rows ?? [];
}

/** Runs the learner's file and the reference on fresh copies of one variant; returns both databases. */
async function both(t: CheckContext, variant: DatasetVariant) {
  const { db: learner } = await t.runLearnerSql('query.sql', variant);
  const reference = await t.openDataset(variant);
  reference.exec(REFERENCE);
  return { learner, reference, close: () => { learner.close(); reference.close(); } };
}

const CUSTOMERS = 'SELECT name, email, city, country, created_at FROM customers ORDER BY email';

export default defineChecks({
  checks: [
    {
      id: 'ada-added',
      title: 'Ada Lovelace is a new customer',
      timeoutMs: 15000,
      run: async (t) => {
        const { learner, close } = await both(t, 'visible');
        try {
          const ada = rows(learner, "SELECT name, city, country, created_at FROM customers WHERE email = 'ada@shop.test'");
          t.expectTrue(ada.length === 1, `There ${ada.length === 0 ? 'is no customer' : `are ${ada.length} customers`} with email ada@shop.test. INSERT INTO customers (name, email, city, country, created_at) VALUES ('Ada Lovelace', 'ada@shop.test', 'London', 'United Kingdom', '2025-01-01 09:00:00').`, { expected: 1, actual: ada.length });
          t.expectEqual(ada[0], ['Ada Lovelace', 'London', 'United Kingdom', '2025-01-01 09:00:00'], 'Ada\'s row must be exactly: Ada Lovelace, London, United Kingdom, created_at \'2025-01-01 09:00:00\'.');
        } finally {
          close();
        }
      },
    },
    {
      id: 'grace-upserted',
      title: 'Grace Hopper is updated, not duplicated',
      hint: 'INSERT … ON CONFLICT (email) DO UPDATE SET city = excluded.city, country = excluded.country',
      timeoutMs: 15000,
      run: async (t) => {
        const { learner, reference, close } = await both(t, 'visible');
        try {
          const grace = rows(learner, "SELECT city, country, created_at FROM customers WHERE email = 'grace@shop.test'");
          const original = rows(reference, "SELECT created_at FROM customers WHERE email = 'grace@shop.test'")[0]?.[0];
          t.expectTrue(grace.length === 1, `There are ${grace.length} customers with email grace@shop.test; there must be exactly one.`, { expected: 1, actual: grace.length });
          t.expectEqual(grace[0]?.slice(0, 2), ['Arlington', 'United States'], 'Grace is still in her old city. She is already a customer, so a plain INSERT fails on UNIQUE(email): make it an upsert — … ON CONFLICT (email) DO UPDATE SET city = excluded.city, country = excluded.country.');
          t.expectEqual(grace[0]?.[2], original, 'Grace\'s created_at changed. She became a customer long ago: update only city and country, not created_at.');
        } finally {
          close();
        }
      },
    },
    {
      id: 'customers-table',
      title: 'No other customer changed',
      timeoutMs: 15000,
      run: async (t) => {
        const { learner, reference, close } = await both(t, 'visible');
        try {
          const got = rows(learner, CUSTOMERS);
          const want = rows(reference, CUSTOMERS);
          t.expectTrue(got.length === want.length, `The customers table has ${got.length} rows; it should have ${want.length} (all existing customers plus Ada).`, { expected: want.length, actual: got.length });
          t.expectEqual(got, want, 'Some customer other than Grace and Ada changed. Does an UPDATE lack its WHERE?');
        } finally {
          close();
        }
      },
    },
    {
      id: 'stale-orders',
      title: 'Pending orders from before 2024 are cancelled — and no other order changed',
      hint: 'UPDATE orders SET status = \'cancelled\' WHERE status = \'pending\' AND ordered_at < \'2024-01-01\';',
      timeoutMs: 15000,
      run: async (t) => {
        const { learner, reference, close } = await both(t, 'visible');
        try {
          const stillPending = Number(rows(learner, "SELECT COUNT(*) FROM orders WHERE status = 'pending' AND ordered_at < '2024-01-01'")[0]?.[0]);
          t.expectTrue(stillPending === 0, `${stillPending} orders placed before 2024-01-01 are still pending. UPDATE orders SET status = 'cancelled' WHERE status = 'pending' AND ordered_at < '2024-01-01'.`, { expected: 0, actual: stillPending });
          const sql = 'SELECT id, status FROM orders ORDER BY id';
          const want = rows(reference, sql);
          const got = rows(learner, sql);
          const changed = got.filter((row, i) => row[1] !== want[i]?.[1]).length;
          t.expectTrue(changed === 0 && got.length === want.length, `${changed} orders have a status they should not have: only orders that were 'pending' AND placed before 2024-01-01 may change. Check your WHERE clause with a SELECT COUNT(*) first (the reference cancels ${String(rows(reference, "SELECT COUNT(*) FROM orders WHERE status = 'cancelled'")[0]?.[0])} orders in total).`, { expected: 'only stale pending orders cancelled', actual: `${changed} orders differ` });
        } finally {
          close();
        }
      },
    },
    {
      id: 'catalogue-cleanup',
      title: 'Sold-out products that were never ordered are deleted — ordered ones stay',
      hint: 'DELETE FROM products WHERE stock = 0 AND NOT EXISTS (SELECT 1 FROM order_items oi WHERE oi.product_id = products.id);',
      timeoutMs: 15000,
      run: async (t) => {
        const { learner, reference, close } = await both(t, 'visible');
        try {
          const orphans = Number(rows(learner, 'SELECT COUNT(*) FROM order_items oi WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = oi.product_id)')[0]?.[0]);
          t.expectTrue(orphans === 0, `${orphans} order items now point at products you deleted: the order history is broken. Delete only products that no order_items row refers to (AND NOT EXISTS (SELECT 1 FROM order_items oi WHERE oi.product_id = products.id)).`, { expected: 0, actual: orphans });
          const left = Number(rows(learner, 'SELECT COUNT(*) FROM products p WHERE stock = 0 AND NOT EXISTS (SELECT 1 FROM order_items oi WHERE oi.product_id = p.id)')[0]?.[0]);
          t.expectTrue(left === 0, `${left} sold-out products that were never ordered are still in the catalogue. DELETE FROM products WHERE stock = 0 AND NOT EXISTS (…order_items…).`, { expected: 0, actual: left });
          const sql = 'SELECT id FROM products ORDER BY id';
          t.expectEqual(rows(learner, sql).length, rows(reference, sql).length, 'Products that are in stock were deleted: keep stock = 0 in the WHERE.');
        } finally {
          close();
        }
      },
    },
    {
      id: 'hidden-dataset',
      title: 'The same changes are right on the hidden dataset',
      hint: 'Write conditions (status, dates, stock, NOT EXISTS), not lists of ids you looked up.',
      timeoutMs: 15000,
      run: async (t) => {
        const { learner, reference, close } = await both(t, 'hidden');
        try {
          for (const [table, sql] of [['customers', CUSTOMERS], ['orders', 'SELECT id, status FROM orders ORDER BY id'], ['products', 'SELECT id FROM products ORDER BY id']] as const) {
            const same = JSON.stringify(rows(learner, sql)) === JSON.stringify(rows(reference, sql));
            t.expectTrue(same, `On the hidden dataset (same tables, different rows) your ${table} table differs from the expected one. Make the checks above pass first; if they already do, look for hard-coded ids or counts and use conditions that describe the rows instead.`);
          }
        } finally {
          close();
        }
      },
    },
  ],
});
