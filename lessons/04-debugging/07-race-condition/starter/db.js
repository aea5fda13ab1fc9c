// The app's SQLite database. sql.js keeps it in memory, so every change is written back to
// data.sqlite — the file the DB browser (and the checks) open.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import initSqlJs from 'sql.js';

const FILE = 'data.sqlite';
const SQL = await initSqlJs();
const db = existsSync(FILE) ? new SQL.Database(readFileSync(FILE)) : new SQL.Database();

db.exec(`
  CREATE TABLE IF NOT EXISTS accounts (
    id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    balance_cents INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS withdrawals (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    -- The bank's ledger rule: no single withdrawal above 5,000.00.
    amount_cents INTEGER NOT NULL CHECK (amount_cents <= 500000),
    created_at TEXT NOT NULL
  );
`);
if (!get('SELECT id FROM accounts LIMIT 1')) {
  db.run("INSERT INTO accounts (owner, balance_cents) VALUES ('Ada', 10000)");
}
save();

function save() {
  writeFileSync(FILE, db.export());
}

/** Every row of a SELECT, as objects. */
export function all(sql, params = []) {
  const statement = db.prepare(sql);
  statement.bind(params);
  const rows = [];
  while (statement.step()) rows.push(statement.getAsObject());
  statement.free();
  return rows;
}

/** The first row of a SELECT, or undefined. */
export function get(sql, params = []) {
  return all(sql, params)[0];
}

let inTransaction = false;

/** Runs an INSERT, UPDATE or DELETE and saves the file (at the end of a transaction, if in one). */
export function run(sql, params = []) {
  db.run(sql, params);
  const changes = db.getRowsModified();
  const lastId = get('SELECT last_insert_rowid() AS id').id;
  if (!inTransaction) save();
  return { changes, lastId };
}

/**
 * Runs `work()` as one transaction: every statement in it happens, or none does (an error
 * rolls all of them back). `work` must be synchronous: a transaction held open across an
 * `await` would let other requests' statements land inside it.
 */
export function transaction(work) {
  db.exec('BEGIN');
  inTransaction = true;
  try {
    const result = work();
    if (typeof result?.then === 'function') {
      Promise.resolve(result).catch(() => {}); // the error below is the one to report, not a second, unhandled one
      throw new Error('transaction(work): work must not be async — the await would let other requests in');
    }
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  } finally {
    inTransaction = false;
    save();
  }
}
