// The app's SQLite database. sql.js keeps it in memory, so every change is written back to
// data.sqlite — the file the DB browser (and the checks) open.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import initSqlJs from 'sql.js';

const FILE = 'data.sqlite';
const SQL = await initSqlJs();
const db = existsSync(FILE) ? new SQL.Database(readFileSync(FILE)) : new SQL.Database();

db.exec(`
  CREATE TABLE IF NOT EXISTS staff (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password TEXT NOT NULL
  );
`);
// A legacy intranet table: yes, plaintext passwords (the "Store passwords safely" lesson fixes
// that). Today's hole is somewhere else.
if (!get('SELECT id FROM staff LIMIT 1')) {
  db.run(`INSERT INTO staff (username, password) VALUES
    ('bob', 'builder-123'), ('alice', 'wonderland'), ('o''brien', 'tea-at-four')`);
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

/** Runs an INSERT, UPDATE or DELETE and saves the file. */
export function run(sql, params = []) {
  db.run(sql, params);
  const changes = db.getRowsModified();
  const lastId = get('SELECT last_insert_rowid() AS id').id;
  save();
  return { changes, lastId };
}
