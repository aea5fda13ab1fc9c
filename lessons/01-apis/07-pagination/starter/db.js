/**
 * The catalogue database: 57 products, created (and saved to data.sqlite) on first start.
 * sql.js keeps the database in memory; save() writes it back to the file.
 */
import initSqlJs from 'sql.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('./data.sqlite', import.meta.url);
const SQL = await initSqlJs();

const CATEGORIES = ['books', 'games', 'garden'];
const NAMES = ['Atlas', 'Beacon', 'Compass', 'Dynamo', 'Ember', 'Falcon', 'Glacier', 'Harbor', 'Indigo', 'Juniper', 'Kestrel', 'Lumen', 'Meadow', 'Nimbus', 'Orbit', 'Pebble', 'Quartz', 'Raven', 'Summit'];

function createDatabase() {
  const fresh = new SQL.Database();
  fresh.run(`CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    price_cents INTEGER NOT NULL
  )`);
  // Sorting by price uses this index; read backwards for DESC, equal prices then come out highest id first.
  fresh.run('CREATE INDEX products_price ON products (price_cents)');
  for (let i = 0; i < 57; i++) {
    // Prices repeat on purpose: sorting by price alone leaves ties.
    const price = 500 + ((i * 7) % 12) * 250;
    fresh.run('INSERT INTO products (name, category, price_cents) VALUES (?, ?, ?)', [`${NAMES[i % NAMES.length]} ${Math.floor(i / NAMES.length) + 1}`, CATEGORIES[(i * 5) % 3], price]);
  }
  writeFileSync(FILE, fresh.export());
  return fresh;
}

export const db = existsSync(FILE) ? new SQL.Database(readFileSync(FILE)) : createDatabase();

/** Every row of a query, as objects: all('SELECT * FROM products WHERE category = ?', ['books']). */
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
