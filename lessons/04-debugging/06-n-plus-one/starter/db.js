// The blog's SQLite database. sql.js keeps it in memory, so every change is written back to
// data.sqlite — the file the DB browser (and the checks) open.
//
// Every query is counted and logged: the output panel shows `[sql #n] …` lines, and each
// response carries an X-Query-Count header with the number of queries that request ran.
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import initSqlJs from 'sql.js';

const FILE = 'data.sqlite';
const SQL = await initSqlJs();
const db = existsSync(FILE) ? new SQL.Database(readFileSync(FILE)) : new SQL.Database();

db.exec(`
  CREATE TABLE IF NOT EXISTS authors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS posts (
    id INTEGER PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES authors(id),
    title TEXT NOT NULL
  );
`);
if (db.exec('SELECT id FROM authors LIMIT 1').length === 0) {
  db.exec(`
    INSERT INTO authors (name) VALUES ('Ada Lovelace'), ('Grace Hopper'), ('Alan Turing'), ('Barbara Liskov');
    INSERT INTO posts (author_id, title) VALUES
      (1, 'Notes on the Analytical Engine'), (2, 'The first actual bug'), (3, 'Can machines think?'),
      (4, 'Substitution, explained'), (1, 'Poetical science'), (2, 'Nanoseconds on a wire'),
      (3, 'On computable numbers'), (4, 'Data abstraction'), (1, 'Bernoulli numbers'),
      (2, 'Why COBOL reads like English'), (3, 'Morphogenesis'), (4, 'Distributed programs');
  `);
}
save();

function save() {
  writeFileSync(FILE, db.export());
}

const requestStats = new AsyncLocalStorage();

/** Express middleware: counts the queries each request runs into its X-Query-Count header. */
export function countQueries(req, res, next) {
  const stats = { queries: 0 };
  // Headers go out with the first byte of the body, so set ours at that last moment.
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    res.setHeader('X-Query-Count', String(stats.queries));
    return writeHead.apply(this, args);
  };
  requestStats.run(stats, next);
}

function count(sql) {
  const stats = requestStats.getStore();
  if (stats) stats.queries += 1;
  console.log(`[sql #${stats?.queries ?? '-'}] ${sql.replace(/\s+/g, ' ').trim()}`);
}

/** Every row of a SELECT, as objects. */
export function all(sql, params = []) {
  count(sql);
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
  count(sql);
  db.run(sql, params);
  const changes = db.getRowsModified();
  const lastId = db.exec('SELECT last_insert_rowid()')[0].values[0][0];
  save();
  return { changes, lastId };
}
