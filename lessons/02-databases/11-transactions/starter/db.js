/**
 * Store-credit wallets, created (and saved to data.sqlite) on first start.
 * sql.js keeps the database in memory: call save() after every change — and only after
 * COMMIT: exporting the database in the middle of a write transaction fails.
 */
import initSqlJs from 'sql.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('./data.sqlite', import.meta.url);
const SQL = await initSqlJs();

function createDatabase() {
  const fresh = new SQL.Database();
  fresh.run(`
    CREATE TABLE wallets (
      customer_id INTEGER PRIMARY KEY,
      owner TEXT NOT NULL,
      balance_cents INTEGER NOT NULL CHECK (balance_cents >= 0)
    );
    CREATE TABLE transfers (
      id INTEGER PRIMARY KEY,
      from_id INTEGER NOT NULL REFERENCES wallets(customer_id),
      to_id INTEGER NOT NULL REFERENCES wallets(customer_id),
      amount_cents INTEGER NOT NULL CHECK (amount_cents > 0)
    );
    INSERT INTO wallets (customer_id, owner, balance_cents) VALUES
      (1, 'Grace Hopper', 10000),
      (2, 'Liam O''Brien', 5000),
      (3, 'Ada Lovelace', 0);
  `);
  writeFileSync(FILE, fresh.export());
  return fresh;
}

export const db = existsSync(FILE) ? new SQL.Database(readFileSync(FILE)) : createDatabase();

/** Every row of a query, as objects. */
export function all(sql, params = []) {
  const statement = db.prepare(sql);
  try {
    statement.bind(params);
    const rows = [];
    while (statement.step()) rows.push(statement.getAsObject());
    return rows;
  } finally {
    statement.free();
  }
}

/** The first row of a query, or undefined. */
export function get(sql, params = []) {
  return all(sql, params)[0];
}

/** Runs an INSERT, UPDATE or DELETE: { changes: rows affected, lastId: the new row's id }. */
export function run(sql, params = []) {
  db.run(sql, params);
  const changes = db.getRowsModified();
  return { changes, lastId: get('SELECT last_insert_rowid() AS id').id };
}

/** Writes the in-memory database to data.sqlite. */
export function save() {
  writeFileSync(FILE, db.export());
}
