/**
 * The shop's catalogue in an in-memory sql.js database, created on every start.
 * Each product has a version: 1 when created, to be raised by one on every change.
 */
import initSqlJs from 'sql.js';

const SQL = await initSqlJs();
export const db = new SQL.Database();
db.run(`
  CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents > 0),
    stock INTEGER NOT NULL CHECK (stock >= 0),
    version INTEGER NOT NULL DEFAULT 1
  );
  INSERT INTO products (id, name, price_cents, stock) VALUES
    (1, 'Classic Kettle 200', 3900, 12),
    (2, 'Retro Kettle 500', 5400, 3),
    (3, 'Pocket Atlas 100', 1250, 40),
    (4, 'Quiet Teapot 300', 2400, 7);
`);

/** The first row of a query as an object, or undefined. */
export function get(sql, params = []) {
  const statement = db.prepare(sql);
  try {
    statement.bind(params);
    return statement.step() ? statement.getAsObject() : undefined;
  } finally {
    statement.free();
  }
}

/** Runs an INSERT, UPDATE or DELETE: { changes: how many rows it changed }. */
export function run(sql, params = []) {
  db.run(sql, params);
  return { changes: db.getRowsModified() };
}
