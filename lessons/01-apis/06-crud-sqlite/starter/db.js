/**
 * The tasks database. sql.js is SQLite compiled to WebAssembly: the whole database lives in
 * memory, so after every change `save()` writes it to data.sqlite — that file is what
 * survives a restart (and what the playground's database browser shows).
 */
import initSqlJs from 'sql.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('./data.sqlite', import.meta.url);
const SQL = await initSqlJs();

export const db = existsSync(FILE) ? new SQL.Database(readFileSync(FILE)) : createDatabase();

function createDatabase() {
  const fresh = new SQL.Database();
  fresh.run(`
    CREATE TABLE tasks (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      done INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO tasks (title, done) VALUES ('Read the lesson', 1), ('Write the routes', 0);
  `);
  return fresh;
}

/** Every row of a query, as objects: all('SELECT * FROM tasks WHERE done = ?', [1]). */
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

/** Writes the in-memory database to data.sqlite. Call it after every change. */
export function save() {
  writeFileSync(FILE, db.export());
}
