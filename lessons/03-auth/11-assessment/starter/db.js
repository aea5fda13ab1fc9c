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
  CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES users(id),
    text TEXT NOT NULL
  );
`);
// Databases made by an older version of this lesson have no role column yet.
const userColumns = db.exec('PRAGMA table_info(users)')[0]?.values.map((column) => column[1]) ?? [];
if (!userColumns.includes('role')) db.run("ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'user'");
// The administrator: root / playground-admin, stored in the format the lesson asks for.
db.run(
  `INSERT INTO users (username, password_hash, role) VALUES ('root', ?, 'admin')
   ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = 'admin'`,
  ['scrypt$131072$8$1$909d79bce32a5bf646c7a793e2e8fafa$bb27033bdb6e954a7c7717cbb86290fc6697df99a1b9b65536bbd5736944b8784f08569e9390a74ec4438e7f5cd498ea214433284ae495993d3b4d53f9dee708'],
);
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
