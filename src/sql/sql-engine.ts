/**
 * The SQL worker's state and work, without the messaging: named databases opened from bytes,
 * scripts run statement by statement (so an error can be placed), schema and paged rows.
 * Kept free of worker globals so it runs under Vitest with Node's sql.js build.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { lastResult, runSqlScript } from '../checks/sql-script.ts';
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
 * Runs every statement of `sql` in order, through the same script runner as Check. The result
 * shown is the last statement with result columns — what a learner expects from "run my query
 * file", even when it matches no rows — and an error points where Check would point.
 */
export function execScript(db: Database, sql: string, maxRows: number): SqlExecOutcome {
  const started = performance.now();
  const changesBefore = totalChanges(db);
  const outcome = runSqlScript(db, sql, maxRows);
  if (!outcome.ok) return { ok: false, error: { message: outcome.message, ...outcome.position }, timeMs: performance.now() - started };
  const shown = lastResult(outcome.results) ?? { columns: [], rows: [], rowCount: 0 };
  return {
    ok: true,
    columns: shown.columns,
    rows: shown.rows,
    rowCount: shown.rowCount,
    truncated: shown.rowCount > shown.rows.length,
    changes: totalChanges(db) - changesBefore,
    statements: outcome.results.length,
    timeMs: performance.now() - started,
  };
}

function quoteIdentifier(name: string): string {
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
