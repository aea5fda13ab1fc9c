/**
 * A slice of the shop: customers, products and orders, created (and saved to data.sqlite)
 * on first start. sql.js keeps the database in memory.
 */
import initSqlJs from 'sql.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('./data.sqlite', import.meta.url);
const SQL = await initSqlJs();

function createDatabase() {
  const fresh = new SQL.Database();
  fresh.run(`
    CREATE TABLE customers (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      email TEXT NOT NULL UNIQUE
    );
    CREATE TABLE products (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      price_cents INTEGER NOT NULL
    );
    CREATE TABLE orders (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers(id),
      ordered_at TEXT NOT NULL,
      status TEXT NOT NULL,
      total_cents INTEGER NOT NULL
    );
    INSERT INTO customers (id, name, email) VALUES
      (1, 'Grace Hopper', 'grace@shop.test'),
      (2, 'Liam O''Brien', 'liam.o''brien@shop.test'),
      (3, 'Ada Lovelace', 'ada@shop.test');
    INSERT INTO products (name, price_cents) VALUES
      ('Classic Kettle 200', 3900), ('Retro Kettle 500', 5400), ('Pocket Atlas 100', 1250),
      ('Quiet Teapot 300', 2400), ('Smart Speaker 700', 8900), ('Nordic Mug 100', 850);
    INSERT INTO orders (id, customer_id, ordered_at, status, total_cents) VALUES
      (1001, 1, '2024-03-01 10:12:00', 'shipped', 5600),
      (1002, 3, '2024-03-02 18:40:00', 'paid', 128900),
      (1003, 2, '2024-03-05 09:05:00', 'pending', 2400),
      (1004, 1, '2024-04-11 14:30:00', 'paid', 8900);
  `);
  writeFileSync(FILE, fresh.export());
  return fresh;
}

export const db = existsSync(FILE) ? new SQL.Database(readFileSync(FILE)) : createDatabase();

/**
 * Every row of a query, as objects. Values go in `params`, one per `?` in the SQL:
 * all('SELECT * FROM customers WHERE email = ?', [email]).
 */
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
