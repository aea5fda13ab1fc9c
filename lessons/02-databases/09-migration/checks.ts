import { defineChecks, type CheckContext, type DatasetVariant, type SqlDatabase } from '../../../src/checks/define.ts';

function rows(db: SqlDatabase, sql: string): unknown[][] {
  return db.exec(sql)[0]?.rows ?? [];
}

function columnsOf(db: SqlDatabase, table: string): string[] {
  return rows(db, `PRAGMA table_info(${table})`).map((row) => String(row[1]).toLowerCase());
}

/** The migrated database and the untouched original, for one variant. */
async function migrated(t: CheckContext, variant: DatasetVariant = 'visible') {
  const { db } = await t.runLearnerSql('query.sql', variant);
  const original = await t.openDataset(variant);
  return { db, original, close: () => { db.close(); original.close(); } };
}

export default defineChecks({
  checks: [
    {
      id: 'countries-table',
      title: 'countries has one row per country customers had',
      hint: 'INSERT INTO countries (name) SELECT DISTINCT country FROM customers;',
      timeoutMs: 15000,
      run: async (t) => {
        const { db, original, close } = await migrated(t);
        try {
          if (rows(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'countries'").length === 0) {
            return t.fail('There is no countries table after the migration. Keep the CREATE TABLE countries (…) from the starter — and check that the script reaches COMMIT without an error.');
          }
          const want = rows(original, 'SELECT DISTINCT country FROM customers ORDER BY country').map((row) => row[0]);
          const got = rows(db, 'SELECT name FROM countries ORDER BY name').map((row) => row[0]);
          t.expectEqual(got, want, got.length === 0 ? 'The countries table is empty. Fill it from the data: INSERT INTO countries (name) SELECT DISTINCT country FROM customers;' : `countries must hold each of the ${want.length} countries exactly once (SELECT DISTINCT).`);
        } finally {
          close();
        }
      },
    },
    {
      id: 'country-id-column',
      title: 'customers.country_id exists and references countries(id)',
      hint: 'ALTER TABLE customers ADD COLUMN country_id INTEGER REFERENCES countries(id);',
      timeoutMs: 15000,
      run: async (t) => {
        const { db, close } = await migrated(t);
        try {
          t.expectTrue(columnsOf(db, 'customers').includes('country_id'), 'customers has no country_id column. Add it: ALTER TABLE customers ADD COLUMN country_id INTEGER REFERENCES countries(id);', { actual: columnsOf(db, 'customers') });
          const fks = rows(db, 'PRAGMA foreign_key_list(customers)').filter((row) => String(row[3]).toLowerCase() === 'country_id');
          t.expectTrue(fks.length === 1 && String(fks[0]?.[2]).toLowerCase() === 'countries', 'customers.country_id is not a foreign key. Declare it with REFERENCES countries(id) so it can only point at an existing country.', { expected: 'country_id → countries(id)', actual: fks });
        } finally {
          close();
        }
      },
    },
    {
      id: 'every-customer-kept',
      title: 'Every customer is kept, with the same country as before',
      hint: 'UPDATE customers SET country_id = (SELECT co.id FROM countries co WHERE co.name = customers.country); — before dropping country.',
      timeoutMs: 15000,
      run: async (t) => {
        const { db, original, close } = await migrated(t);
        try {
          const before = rows(original, 'SELECT id, name, email, city, created_at, country FROM customers ORDER BY id');
          if (!columnsOf(db, 'customers').includes('country_id')) return t.fail('customers has no country_id column yet: add it first (see the check above).');
          const after = rows(db, 'SELECT c.id, c.name, c.email, c.city, c.created_at, co.name FROM customers c LEFT JOIN countries co ON co.id = c.country_id ORDER BY c.id');
          t.expectTrue(after.length === before.length, `customers had ${before.length} rows and has ${after.length} after the migration. A migration must keep every row.`, { expected: before.length, actual: after.length });
          const unset = after.filter((row) => row[5] === null).length;
          t.expectTrue(unset === 0, `${unset} customers have no country_id (or one that matches no country). Fill it for everyone: UPDATE customers SET country_id = (SELECT co.id FROM countries co WHERE co.name = customers.country);`, { expected: 0, actual: unset });
          const changed = after.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(before[i]));
          t.expectTrue(changed < 0, `Customer ${String(before[changed]?.[0])} changed during the migration: before ${JSON.stringify(before[changed])}, after ${JSON.stringify(after[changed])} (country via country_id). Each customer must keep their values and point at the country they had.`);
        } finally {
          close();
        }
      },
    },
    {
      id: 'old-column-dropped',
      title: 'customers.country is gone',
      hint: 'ALTER TABLE customers DROP COLUMN country; — last, after country_id is filled.',
      timeoutMs: 15000,
      run: async (t) => {
        const { db, close } = await migrated(t);
        try {
          t.expectTrue(!columnsOf(db, 'customers').includes('country'), 'customers still has the old country column. Once country_id is filled, contract: ALTER TABLE customers DROP COLUMN country;', { actual: columnsOf(db, 'customers') });
        } finally {
          close();
        }
      },
    },
    {
      id: 'integrity',
      title: 'Foreign keys hold: orders → customers, customers → countries',
      timeoutMs: 15000,
      run: async (t) => {
        const { db, close } = await migrated(t);
        try {
          const broken = rows(db, 'PRAGMA foreign_key_check');
          t.expectTrue(broken.length === 0, `${broken.length} rows point at rows that do not exist (PRAGMA foreign_key_check). Do not recreate customers with new ids: add and fill a column instead.`, { expected: 'no broken references', actual: broken.slice(0, 3) });
          if (!columnsOf(db, 'customers').includes('country_id')) return t.fail('customers has no country_id column yet: add it first (see the checks above).');
          db.exec('PRAGMA foreign_keys = ON');
          let refused = false;
          try {
            db.exec('UPDATE customers SET country_id = 999999 WHERE id = 1');
          } catch {
            refused = true;
          }
          t.expectTrue(refused, 'customers.country_id accepted 999999, a country that does not exist. Declare the column with REFERENCES countries(id).');
        } finally {
          close();
        }
      },
    },
    {
      id: 'version-recorded',
      title: 'The migration records schema version 1',
      hint: 'PRAGMA user_version = 1; — before COMMIT, so the version changes with the schema or not at all.',
      timeoutMs: 15000,
      run: async (t) => {
        const { db, close } = await migrated(t);
        try {
          const version = Number(rows(db, 'PRAGMA user_version')[0]?.[0]);
          t.expectTrue(version === 1, `The database says it is at schema version ${version}. A migration records the version it brings the schema to, so a migration tool knows it already ran: PRAGMA user_version = 1; inside the transaction.`, { expected: 1, actual: version });
        } finally {
          close();
        }
      },
    },
    {
      id: 'hidden-dataset',
      title: 'The migration keeps every customer on the hidden dataset too',
      timeoutMs: 15000,
      run: async (t) => {
        const { db, original, close } = await migrated(t, 'hidden');
        try {
          const before = rows(original, 'SELECT id, email, country FROM customers ORDER BY id');
          if (!columnsOf(db, 'customers').includes('country_id')) return t.fail('customers has no country_id column on the hidden dataset: make the checks above pass first.');
          const after = rows(db, 'SELECT c.id, c.email, co.name FROM customers c LEFT JOIN countries co ON co.id = c.country_id ORDER BY c.id');
          t.expectTrue(JSON.stringify(after) === JSON.stringify(before), 'On the hidden dataset (same schema, other customers) some customer lost their country or changed. Derive everything from the data (SELECT DISTINCT, a subquery on the name) instead of listing countries or ids by hand.');
        } finally {
          close();
        }
      },
    },
  ],
});
