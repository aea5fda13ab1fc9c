// The app's SQLite database. sql.js keeps it in memory, so every change is written back to
// data.sqlite — the file the DB browser (and the checks) open.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import initSqlJs from 'sql.js';

const FILE = 'data.sqlite';
const SQL = await initSqlJs();
const db = existsSync(FILE) ? new SQL.Database(readFileSync(FILE)) : new SQL.Database();

db.exec(`
  CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin'))
  );
  CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES users(id),
    text TEXT NOT NULL
  );
`);
// One administrator to try the admin route with: root / playground-admin (stored, of course,
// as a salted scrypt hash made with passwords.js).
const ROOT_PASSWORD_HASH =
  'scrypt$f9a31673a8c8ad52ea3a4687d4dc6807$b9b3f57829f156969d3d66c5d01b218febf696ec2dfc9f89796193d3f9882b4e459c0f88aabf1ca2f4dc610a1f79f4a9cd764eead616934d510ee38a5fa61588';
if (!get("SELECT id FROM users WHERE username = 'root'")) {
  db.run("INSERT INTO users (username, password_hash, role) VALUES ('root', ?, 'admin')", [ROOT_PASSWORD_HASH]);
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
