import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainSqlError, sqlErrorPosition } from './sql-error-position.ts';
import { runSqlScript } from './sql-script.ts';
import { wrapSqlJsDatabase } from './sql-database.ts';
import { SqlEngine } from '../sql/sql-engine.ts';

let SQL: SqlJsStatic;
let shop: Uint8Array;
beforeAll(async () => {
  SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, price_cents INTEGER, stock INTEGER); CREATE TABLE orders (id INTEGER, total INTEGER)');
  shop = db.export();
  db.close();
});

function shopDb(): Database {
  return new SQL.Database(shop);
}

/** Where Run (the page's SqlEngine) puts the error. */
function runPosition(sql: string) {
  const engine = new SqlEngine(SQL);
  engine.open('shop', shop);
  const outcome = engine.exec('shop', sql);
  if (outcome.ok) throw new Error(`expected ${sql} to fail`);
  return { line: outcome.error.line, column: outcome.error.column };
}

/** Where Check (SqlDatabase.execScript, as runLearnerSql uses it) puts the error. */
function checkPosition(sql: string) {
  try {
    wrapSqlJsDatabase(shopDb()).execScript(sql);
  } catch (error) {
    const { line, column } = error as { line: number; column: number };
    return { line, column };
  }
  throw new Error(`expected ${sql} to fail`);
}

describe('SQL error positions (Run and Check share one finder)', () => {
  const cases: [string, string, { line: number; column: number }][] = [
    ['a doubled comma on line 3, not the first comma on line 1', 'SELECT name, price_cents\nFROM products\nORDER BY price_cents DESC,, name', { line: 3, column: 27 }],
    ['the second of two ANDs', 'SELECT name FROM products\nWHERE stock > 0 AND AND price_cents < 500', { line: 2, column: 21 }],
    ['an unterminated string, where the string starts', "SELECT name\nFROM products\nWHERE name = 'lamp", { line: 3, column: 14 }],
    ['a missing column as a whole word (tot, not inside total)', 'SELECT total, tot FROM orders', { line: 1, column: 15 }],
    ['the failing statement, not an earlier one with the same token', 'SELECT name FROM products;\n\nSELECT name FROM productz', { line: 3, column: 18 }],
    ['a token that only appears in a comment before', '-- FRM products\nSELECT * FRM products', { line: 2, column: 10 }],
  ];
  for (const [what, sql, position] of cases) {
    it(`points at ${what}`, () => {
      expect(runPosition(sql)).toEqual(position);
      expect(checkPosition(sql)).toEqual(position);
    });
  }

  it('points at the end for incomplete input, and at the failing statement when SQLite names no token', () => {
    expect(checkPosition('SELECT (1')).toEqual({ line: 1, column: 10 });
    expect(runPosition('SELECT 1;\n\n  INSERT INTO products VALUES (1)')).toEqual({ line: 3, column: 3 });
  });

  it('leaves the database unchanged while probing', () => {
    const db = shopDb();
    const outcome = runSqlScript(db, "INSERT INTO orders VALUES (1, 5);\nDELETE FROM orders WHERE id = 1 AND AND total > 0");
    expect(outcome).toMatchObject({ ok: false, message: 'near "AND": syntax error', position: { line: 2, column: 37 } });
    expect(db.exec('SELECT count(*) FROM orders')[0]?.values).toEqual([[1]]);
  });

  it('finds a position without a probe too (first whole-token occurrence)', () => {
    expect(sqlErrorPosition('SELECT nme FROM users', 'no such column: nme')).toEqual({ line: 1, column: 8 });
    expect(sqlErrorPosition('SELECT 1', 'something else')).toEqual({ line: 1, column: 1 });
  });

  it('explains the error with file:line:column and the line with a caret', () => {
    expect(explainSqlError('query.sql', 'SELECT name\nFORM users;', 'near "users": syntax error', { line: 2, column: 6 })).toBe(
      'query.sql:2:6: near "users": syntax error\n  1 | SELECT name\n  2 | FORM users;\n    |      ^',
    );
  });
});
