import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { SqlEngine } from './sql-engine.ts';

let engine: SqlEngine;
let shopBytes: Uint8Array;

beforeAll(async () => {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(`
    CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT DEFAULT 'none');
    CREATE TABLE "odd ""name""" (x);
    INSERT INTO customers (name, email) VALUES ('Ada', 'ada@example.test'), ('Linus', NULL), ('Grace', 'g@example.test');
  `);
  shopBytes = db.export();
  db.close();
  engine = new SqlEngine(SQL);
});

describe('SqlEngine', () => {
  it('runs a query and reports columns, rows with NULLs, count and time', () => {
    engine.open('shop', shopBytes);
    const outcome = engine.exec('shop', 'SELECT name, email FROM customers ORDER BY id');
    expect(outcome).toMatchObject({
      ok: true,
      columns: ['name', 'email'],
      rows: [['Ada', 'ada@example.test'], ['Linus', null], ['Grace', 'g@example.test']],
      rowCount: 3,
      truncated: false,
      statements: 1,
    });
    expect(outcome.timeMs).toBeGreaterThanOrEqual(0);
  });

  it('shows the last statement that returns rows, with columns even when it returns none', () => {
    engine.open('shop', shopBytes);
    const outcome = engine.exec('shop', "SELECT 1; UPDATE customers SET name = 'x' WHERE id = 1; SELECT id FROM customers WHERE id > 99; ");
    expect(outcome).toMatchObject({ ok: true, columns: ['id'], rows: [], rowCount: 0, changes: 1, statements: 3 });
  });

  it('caps the rows it returns but counts them all', () => {
    engine.open('shop', shopBytes);
    expect(engine.exec('shop', 'SELECT * FROM customers', { maxRows: 2 })).toMatchObject({ rowCount: 3, truncated: true, rows: [[1, 'Ada', 'ada@example.test'], [2, 'Linus', null]] });
  });

  it('returns an error with its line and column instead of throwing', () => {
    engine.open('shop', shopBytes);
    const outcome = engine.exec('shop', 'SELECT 1;\nSELECT name\n  FRM customers;');
    expect(outcome).toMatchObject({ ok: false, error: { message: 'near "customers": syntax error', line: 3, column: 7 } });
  });

  it('keeps changes between runs, unless the run is fresh', () => {
    engine.open('shop', shopBytes);
    engine.exec('shop', 'DELETE FROM customers');
    expect(engine.exec('shop', 'SELECT count(*) AS n FROM customers')).toMatchObject({ rows: [[0]] });
    expect(engine.exec('shop', 'SELECT count(*) AS n FROM customers', { fresh: true })).toMatchObject({ rows: [[3]] });
  });

  it('lists tables with their schema and row counts', () => {
    engine.open('shop', shopBytes);
    const tables = engine.tables('shop');
    expect(tables.map((t) => t.name)).toEqual(['customers', 'odd "name"']);
    expect(tables[0]).toMatchObject({
      rowCount: 3,
      columns: [
        { name: 'id', type: 'INTEGER', primaryKey: true, notNull: false, defaultValue: null },
        { name: 'name', type: 'TEXT', primaryKey: false, notNull: true, defaultValue: null },
        { name: 'email', type: 'TEXT', primaryKey: false, notNull: false, defaultValue: "'none'" },
      ],
    });
    expect(tables[0]?.sql).toMatch(/^CREATE TABLE customers/);
  });

  it('pages through rows, also for names that need quoting', () => {
    engine.open('shop', shopBytes);
    expect(engine.rows('shop', 'customers', 1, 1)).toEqual({ table: 'customers', columns: ['id', 'name', 'email'], rows: [[2, 'Linus', null]], offset: 1, total: 3 });
    expect(engine.rows('shop', 'odd "name"', 0, 10)).toMatchObject({ columns: ['x'], rows: [], total: 0 });
    expect(() => engine.rows('shop', 'nope', 0, 10)).toThrow('There is no table named "nope"');
  });

  it('explains a handle that was never opened', () => {
    expect(() => engine.exec('missing', 'SELECT 1')).toThrow('No database is open under the name "missing"');
  });

  it('opens an empty database from empty bytes', () => {
    engine.open('empty', new Uint8Array());
    expect(engine.tables('empty')).toEqual([]);
  });
});

describe('SqlEngine errors', () => {
  it('places an error in the statement that raised it, not an earlier one with the same token', () => {
    engine.open('shop', shopBytes);
    expect(engine.exec('shop', 'SELECT name FROM customers;\n\nSELECT name FROM customerz')).toMatchObject({
      ok: false,
      error: { message: 'no such table: customerz', line: 3, column: 18 },
    });
    expect(engine.exec('shop', 'SELECT 1 AS customers;\nSELECT name FRM customers')).toMatchObject({ ok: false, error: { line: 2, column: 17 } });
  });

  it('points at the start of the failing statement when SQLite names no token', () => {
    engine.open('shop', shopBytes);
    expect(engine.exec('shop', 'SELECT 1;\n\n  INSERT INTO customers VALUES (1)')).toMatchObject({
      ok: false,
      error: { message: 'table customers has 3 columns but 1 values were supplied', line: 3, column: 3 },
    });
  });
});
