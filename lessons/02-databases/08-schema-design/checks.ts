import { defineChecks, type CheckContext, type SqlDatabase } from '../../../src/checks/define.ts';

/** The learner's schema on a fresh copy of the shop, with foreign keys enforced like a careful server would. */
async function schema(t: CheckContext): Promise<SqlDatabase> {
  const { db } = await t.runLearnerSql('query.sql', 'visible');
  const tables = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'reviews'")[0]?.rows ?? [];
  if (tables.length === 0) {
    db.close();
    return t.fail('There is no table named reviews after running query.sql. Write CREATE TABLE reviews (…);');
  }
  db.exec('PRAGMA foreign_keys = ON');
  return db;
}

/** Whether the database refuses the statement. */
function refuses(db: SqlDatabase, sql: string): boolean {
  try {
    db.exec(sql);
    return false;
  } catch {
    return true;
  }
}

const insert = (values: string) => `INSERT INTO reviews (product_id, customer_id, rating, body, created_at) VALUES ${values}`;

export default defineChecks({
  checks: [
    {
      id: 'columns',
      timeoutMs: 15000,
      title: 'reviews has the columns id, product_id, customer_id, rating, body, created_at',
      run: async (t) => {
        const db = await schema(t);
        try {
          const columns = (db.exec('PRAGMA table_info(reviews)')[0]?.rows ?? []).map((row) => String(row[1]).toLowerCase());
          t.expectEqual([...columns].sort(), ['body', 'created_at', 'customer_id', 'id', 'product_id', 'rating'], `reviews has the columns ${columns.join(', ')}; it needs exactly id, product_id, customer_id, rating, body, created_at.`);
          const pk = (db.exec('PRAGMA table_info(reviews)')[0]?.rows ?? []).filter((row) => Number(row[5]) > 0).map((row) => row[1]);
          t.expectEqual(pk, ['id'], 'id must be the primary key: id INTEGER PRIMARY KEY.');
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'valid-review',
      timeoutMs: 15000,
      title: 'A valid review is accepted, with or without a body, rated 1 or 5',
      run: async (t) => {
        const db = await schema(t);
        try {
          t.expectTrue(!refuses(db, insert("(1, 1, 5, 'Lovely', '2025-01-01 10:00:00')")), 'A valid review (product 1, customer 1, rating 5) was refused. Check the types and that the foreign keys point at products(id) and customers(id).');
          t.expectTrue(!refuses(db, insert("(2, 1, 3, NULL, '2025-01-01 10:00:00')")), 'A review without a body was refused: body is optional, so it must not be NOT NULL.');
          for (const [product, rating] of [[9, 1], [10, 5]] as const) {
            t.expectTrue(!refuses(db, insert(`(${product}, 1, ${rating}, 'edge', '2025-01-01 10:00:00')`)), `A review with rating ${rating} was refused, but 1 to 5 includes both ends: CHECK (rating BETWEEN 1 AND 5).`);
          }
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'rating-rules',
      timeoutMs: 15000,
      title: 'rating must be present, a whole number, and between 1 and 5',
      hint: 'rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5), in a STRICT table.',
      run: async (t) => {
        const db = await schema(t);
        try {
          for (const rating of ['0', '6', '42', 'NULL']) {
            t.expectTrue(refuses(db, insert(`(3, 1, ${rating}, 'x', '2025-01-01 10:00:00')`)), `A review with rating ${rating} was accepted. Add ${rating === 'NULL' ? 'NOT NULL (a CHECK on NULL passes: NULL BETWEEN 1 AND 5 is unknown, not false)' : 'CHECK (rating BETWEEN 1 AND 5)'} to the rating column.`);
          }
          for (const rating of ['2.5', "'4 stars'"]) {
            t.expectTrue(refuses(db, insert(`(3, 1, ${rating}, 'x', '2025-01-01 10:00:00')`)), `A review with rating ${rating} was accepted. In an ordinary SQLite table the declared type INTEGER is only a preference, and 2.5 is between 1 and 5. Make the table STRICT — CREATE TABLE reviews (…) STRICT; — so SQLite refuses values of the wrong type.`);
          }
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'required-columns',
      timeoutMs: 15000,
      title: 'product_id, customer_id and created_at are required',
      run: async (t) => {
        const db = await schema(t);
        try {
          t.expectTrue(refuses(db, insert("(NULL, 1, 4, 'x', '2025-01-01')")), 'A review without product_id was accepted: make it NOT NULL.');
          t.expectTrue(refuses(db, insert("(4, NULL, 4, 'x', '2025-01-01')")), 'A review without customer_id was accepted: make it NOT NULL.');
          t.expectTrue(refuses(db, insert("(4, 1, 4, 'x', NULL)")), 'A review without created_at was accepted: make it NOT NULL.');
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'foreign-keys',
      timeoutMs: 15000,
      title: 'Reviews must point at an existing product and customer',
      hint: 'product_id INTEGER NOT NULL REFERENCES products(id) — and the same for customer_id with customers(id).',
      run: async (t) => {
        const db = await schema(t);
        try {
          t.expectTrue(refuses(db, insert("(999999, 1, 4, 'x', '2025-01-01')")), 'A review of product 999999 (which does not exist) was accepted. Make product_id a foreign key: REFERENCES products(id).');
          t.expectTrue(refuses(db, insert("(5, 999999, 4, 'x', '2025-01-01')")), 'A review by customer 999999 (who does not exist) was accepted. Make customer_id a foreign key: REFERENCES customers(id).');
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'one-per-customer',
      timeoutMs: 15000,
      title: 'A customer can review a product only once',
      hint: 'UNIQUE (product_id, customer_id) as a table constraint after the last column.',
      run: async (t) => {
        const db = await schema(t);
        try {
          t.expectTrue(!refuses(db, insert("(6, 1, 4, 'first', '2025-01-01')")), 'The first review of product 6 by customer 1 was refused; it is valid.');
          t.expectTrue(refuses(db, insert("(6, 1, 2, 'second', '2025-01-02')")), 'Customer 1 could review product 6 twice. Add UNIQUE (product_id, customer_id) — a rule on the pair, not on each column alone.');
          t.expectTrue(!refuses(db, insert("(6, 2, 4, 'x', '2025-01-01')")) && !refuses(db, insert("(7, 1, 4, 'x', '2025-01-01')")), 'Another customer reviewing product 6, or customer 1 reviewing product 7, was refused. The rule is on the pair (product_id, customer_id): UNIQUE (product_id, customer_id), not UNIQUE on each column.');
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'cascade',
      timeoutMs: 15000,
      title: 'Deleting a customer deletes their reviews',
      hint: 'customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE',
      run: async (t) => {
        const db = await schema(t);
        try {
          db.exec("INSERT INTO customers (id, name, email, city, country, created_at) VALUES (999001, 'Temp', 'temp@shop.test', 'Oslo', 'Norway', '2025-01-01')");
          db.exec(insert("(8, 999001, 5, 'x', '2025-01-01')"));
          const refused = refuses(db, 'DELETE FROM customers WHERE id = 999001');
          t.expectTrue(!refused, 'Deleting a customer who has a review was refused. Their reviews should go with them: add ON DELETE CASCADE to customer_id\'s REFERENCES.');
          const left = Number(db.exec('SELECT COUNT(*) FROM reviews WHERE customer_id = 999001')[0]?.rows[0]?.[0]);
          t.expectTrue(left === 0, 'After deleting the customer, their review is still there, pointing at nobody. Add ON DELETE CASCADE to customer_id\'s REFERENCES.', { expected: 0, actual: left });
        } finally {
          db.close();
        }
      },
    },
  ],
});
