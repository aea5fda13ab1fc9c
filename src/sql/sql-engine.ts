/**
 * The SQL worker's state and work, without the messaging: named databases opened from bytes,
 * scripts run statement by statement (so an error can be placed), schema and paged rows.
 * Kept free of worker globals so it runs under Vitest with Node's sql.js build.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { sqlErrorPosition, type SqlErrorPosition } from '../checks/sql-compare.ts';
import type { SqlCell, SqlExecOutcome, SqlTableInfo, SqlTablePage } from './sql-protocol.ts';

const DEFAULT_MAX_ROWS = 1000;

interface OpenDatabase {
  /** What the handle was opened from: `fresh` runs start again from these. */
  bytes: Uint8Array;
  db: Database;
}

export class SqlEngine {
  readonly #sql: SqlJsStatic;
  readonly #databases = new Map<string, OpenDatabase>();

  constructor(sql: SqlJsStatic) {
    this.#sql = sql;
  }

  /** Opens (or replaces) the database called `handle` with a copy of `bytes`. */
  open(handle: string, bytes: Uint8Array): void {
    this.close(handle);
    this.#databases.set(handle, { bytes, db: new this.#sql.Database(bytes) });
  }

  close(handle: string): void {
    this.#databases.get(handle)?.db.close();
    this.#databases.delete(handle);
  }

  exec(handle: string, sql: string, options: { fresh?: boolean; maxRows?: number } = {}): SqlExecOutcome {
    if (options.fresh) this.open(handle, this.#get(handle).bytes);
    return execScript(this.#get(handle).db, sql, options.maxRows ?? DEFAULT_MAX_ROWS);
  }

  tables(handle: string): SqlTableInfo[] {
    const { db } = this.#get(handle);
    const names = db.exec(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )[0]?.values ?? [];
    return names.map(([name, createSql]) => {
      const table = String(name);
      const columns = (db.exec(`PRAGMA table_info(${quoteIdentifier(table)})`)[0]?.values ?? []).map(
        ([, columnName, type, notNull, defaultValue, primaryKey]) => ({
          name: String(columnName),
          type: String(type ?? ''),
          notNull: notNull === 1,
          primaryKey: typeof primaryKey === 'number' && primaryKey > 0,
          defaultValue: defaultValue === null || defaultValue === undefined ? null : String(defaultValue),
        }),
      );
      return { name: table, sql: String(createSql ?? ''), columns, rowCount: countRows(db, table) };
    });
  }

  rows(handle: string, table: string, offset: number, limit: number): SqlTablePage {
    const { db } = this.#get(handle);
    const known = db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]);
    if (known.length === 0) throw new Error(`There is no table named "${table}" in this database.`);
    const statement = db.prepare(`SELECT * FROM ${quoteIdentifier(table)} LIMIT ? OFFSET ?`, [limit, offset]);
    try {
      const rows: SqlCell[][] = [];
      while (statement.step()) rows.push(statement.get());
      return { table, columns: statement.getColumnNames(), rows, offset, total: countRows(db, table) };
    } finally {
      statement.free();
    }
  }

  #get(handle: string): OpenDatabase {
    const open = this.#databases.get(handle);
    if (!open) throw new Error(`No database is open under the name "${handle}". Open it first.`);
    return open;
  }
}

/**
 * Runs every statement of `sql` in order. The result shown is the last statement that
 * returns rows — what a learner expects from "run my query file" — and an error is placed
 * in the statement that raised it.
 */
export function execScript(db: Database, sql: string, maxRows: number): SqlExecOutcome {
  const started = performance.now();
  const iterator = db.iterateStatements(sql);
  let statementOffset = 0;
  let statements = 0;
  const changesBefore = totalChanges(db);
  let shown: { columns: string[]; rows: SqlCell[][]; rowCount: number } = { columns: [], rows: [], rowCount: 0 };
  try {
    for (;;) {
      statementOffset = sql.length - iterator.getRemainingSQL().length;
      const next = iterator.next();
      if (next.done) break;
      const statement = next.value;
      try {
        const columns = statement.getColumnNames();
        const rows: SqlCell[][] = [];
        let rowCount = 0;
        while (statement.step()) {
          if (rowCount < maxRows) rows.push(statement.get());
          rowCount++;
        }
        statements++;
        if (columns.length > 0) shown = { columns, rows, rowCount };
      } finally {
        statement.free();
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { message, ...locateStatementError(sql, statementOffset, message) }, timeMs: performance.now() - started };
  }
  return {
    ok: true,
    ...shown,
    truncated: shown.rowCount > shown.rows.length,
    changes: totalChanges(db) - changesBefore,
    statements,
    timeMs: performance.now() - started,
  };
}

/**
 * SQLite's messages name a token but no offset. Blanking the statements before the failing
 * one (keeping newlines, so lines still count) makes the token search start in the right
 * statement; without a token, the statement's first character is the best place to point.
 */
function locateStatementError(sql: string, statementOffset: number, message: string): SqlErrorPosition {
  const blanked = sql.slice(0, statementOffset).replace(/[^\n]/g, ' ') + sql.slice(statementOffset);
  const found = sqlErrorPosition(blanked, message);
  if (found) return found;
  const start = statementOffset + (/^\s*/.exec(sql.slice(statementOffset))?.[0].length ?? 0);
  const lines = sql.slice(0, start).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Rows changed since the connection opened (sqlite3_total_changes), for "N rows changed". */
function totalChanges(db: Database): number {
  const value = db.exec('SELECT total_changes()')[0]?.values[0]?.[0];
  return typeof value === 'number' ? value : 0;
}

function countRows(db: Database, table: string): number {
  const value = db.exec(`SELECT count(*) FROM ${quoteIdentifier(table)}`)[0]?.values[0]?.[0];
  return typeof value === 'number' ? value : 0;
}
