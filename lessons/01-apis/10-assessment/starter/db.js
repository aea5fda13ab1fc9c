/**
 * The events database, created (and saved to data.sqlite) on first start.
 * sql.js keeps the database in memory: call save() after every change.
 */
import initSqlJs from 'sql.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('./data.sqlite', import.meta.url);
const SQL = await initSqlJs();

function createDatabase() {
  const fresh = new SQL.Database();
  fresh.run(`
    CREATE TABLE events (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      starts_at TEXT NOT NULL,
      capacity INTEGER NOT NULL
    );
    CREATE TABLE registrations (
      id INTEGER PRIMARY KEY,
      event_id INTEGER NOT NULL REFERENCES events(id),
      email TEXT NOT NULL,
      UNIQUE (event_id, email)
    );
    INSERT INTO events (id, title, starts_at, capacity) VALUES
      (1, 'Intro to HTTP', '2030-03-02 18:00', 1000),
      (2, 'SQL for humans', '2030-01-15 18:30', 1000),
      (3, 'Kernel hacking (tiny room)', '2030-02-20 19:00', 3),
      (4, 'Testing without tears', '2030-01-15 18:30', 1000),
      (5, 'Caching, the hard parts', '2030-04-11 17:00', 1000),
      (6, 'Accessibility first', '2030-02-01 18:00', 1000),
      (7, 'Observability 101', '2030-05-05 18:00', 1000);
  `);
  writeFileSync(FILE, fresh.export());
  return fresh;
}

export const db = existsSync(FILE) ? new SQL.Database(readFileSync(FILE)) : createDatabase();

/** Every row of a query, as objects: all('SELECT * FROM events WHERE id = ?', [1]). */
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
