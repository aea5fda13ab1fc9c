// The app's SQLite database. sql.js keeps it in memory, so every change is written back to
// data.sqlite — the file the DB browser (and the checks) open.
//
// Every query is counted and logged: the output panel shows `[sql #n] …` lines, and each
// response carries an X-Query-Count header with the number of queries that request ran.
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import initSqlJs from 'sql.js';

const FILE = 'data.sqlite';
// The queries of the request being handled (see countQueries).
const requestStats = new AsyncLocalStorage();
const SQL = await initSqlJs();
const db = existsSync(FILE) ? new SQL.Database(readFileSync(FILE)) : new SQL.Database();

db.exec(`
  CREATE TABLE IF NOT EXISTS books (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    author TEXT NOT NULL,
    stock INTEGER NOT NULL CHECK (stock >= 0)
  );
  CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES books(id),
    rating INTEGER NOT NULL,
    text TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS orders (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES books(id),
    quantity INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );
`);
if (!get('SELECT id FROM books LIMIT 1')) {
  db.exec(`INSERT INTO books (title, author, stock) VALUES
    ('Dune', 'Frank Herbert', 1), ('Neuromancer', 'William Gibson', 4), ('Foundation', 'Isaac Asimov', 7),
    ('Hyperion', 'Dan Simmons', 2), ('Solaris', 'Stanisław Lem', 5), ('Kindred', 'Octavia E. Butler', 3),
    ('The Left Hand of Darkness', 'Ursula K. Le Guin', 6), ('Snow Crash', 'Neal Stephenson', 2),
    ('Blindsight', 'Peter Watts', 1), ('Ancillary Justice', 'Ann Leckie', 4), ('Station Eleven', 'Emily St. John Mandel', 3);
    INSERT INTO reviews (book_id, rating, text) VALUES
    (1, 5, 'A classic.'), (1, 4, 'Long, and worth it.'), (2, 5, 'Still sharp.'), (4, 3, 'The middle drags.'), (7, 5, 'Quietly radical.')`);
}
save();

function save() {
  writeFileSync(FILE, db.export());
}

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
