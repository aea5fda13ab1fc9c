import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';

const QUERY_A = 'SELECT id, ordered_at, status FROM orders WHERE customer_id = 42 ORDER BY ordered_at DESC';
const QUERY_B = 'SELECT COUNT(*) FROM order_items WHERE product_id = 7';

/** The plan lines SQLite gives for `query` after the learner's file ran. */
async function plan(t: CheckContext, query: string): Promise<string[]> {
  const { db } = await t.runLearnerSql('query.sql', 'visible');
  try {
    return (db.exec(`EXPLAIN QUERY PLAN ${query}`)[0]?.rows ?? []).map((row) => String(row[3]));
  } finally {
    db.close();
  }
}

const usesIndex = (lines: string[], table: string) => lines.some((line) => line.startsWith(`SEARCH ${table} `) && /USING (COVERING )?INDEX/.test(line));

export default defineChecks({
  checks: [
    {
      id: 'creates-index',
      title: 'query.sql creates at least one index',
      timeoutMs: 15000,
      run: async (t) => {
        const { db } = await t.runLearnerSql('query.sql', 'visible');
        try {
          const created = db.exec("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")[0]?.rows ?? [];
          t.expectTrue(created.length > 0, 'No index was created. Add a CREATE INDEX statement at the top of query.sql, e.g. CREATE INDEX idx_orders_customer ON orders (customer_id);', { expected: 'at least one CREATE INDEX', actual: 'none' });
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'query-a-searches',
      title: 'Query A searches orders through an index',
      hint: 'The index must start with the column in the WHERE: orders (customer_id, …).',
      timeoutMs: 15000,
      run: async (t) => {
        const lines = await plan(t, QUERY_A);
        t.expectTrue(usesIndex(lines, 'orders'), 'Query A still goes through every order (the plan says SCAN orders, not SEARCH). Create an index whose FIRST column is customer_id: CREATE INDEX idx_orders_customer_date ON orders (customer_id, ordered_at);', { expected: 'SEARCH orders USING INDEX … (customer_id=?)', actual: lines.join('\n') });
      },
    },
    {
      id: 'query-a-no-sort',
      title: 'Query A needs no separate sort',
      hint: 'Put ordered_at second in the index: (customer_id, ordered_at). SQLite can read an index backwards for DESC.',
      timeoutMs: 15000,
      run: async (t) => {
        const lines = await plan(t, QUERY_A);
        if (!usesIndex(lines, 'orders')) return t.fail('Query A still goes through every order (the plan says SCAN, not SEARCH). One index on (customer_id, ordered_at) — customer_id first — finds the customer\'s orders directly and keeps them in date order, so no sort is needed either.', { expected: 'SEARCH orders USING INDEX … and no TEMP B-TREE', actual: lines.join('\n') });
        t.expectTrue(!lines.some((line) => line.includes('TEMP B-TREE')), 'Query A finds the rows with an index but then sorts them ("USE TEMP B-TREE FOR ORDER BY"). Make ordered_at the second column of the index — (customer_id, ordered_at) — so each customer\'s orders come out already sorted.', { expected: 'no TEMP B-TREE line', actual: lines.join('\n') });
      },
    },
    {
      id: 'query-b-searches',
      title: 'Query B searches order_items through an index',
      hint: 'The primary key (order_id, product_id) starts with order_id, so it cannot find rows by product_id alone.',
      timeoutMs: 15000,
      run: async (t) => {
        const lines = await plan(t, QUERY_B);
        t.expectTrue(usesIndex(lines, 'order_items') && lines.some((line) => /product_id=\?/.test(line)), 'Query B still reads all of order_items. Its primary key starts with order_id, and an index is only usable from its first column: CREATE INDEX idx_order_items_product ON order_items (product_id);', { expected: 'SEARCH order_items USING (COVERING) INDEX … (product_id=?)', actual: lines.join('\n') });
      },
    },
  ],
});
