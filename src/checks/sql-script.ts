/**
 * Runs a learner's SQL script statement by statement on a sql.js database — the one way both
 * Run (src/sql/sql-engine.ts) and Check (the `sql` check, through `SqlDatabase.execScript`)
 * execute it. Unlike sql.js's `exec`, which leaves out statements that return no rows, every
 * statement with result columns gives a result, so "the last statement" is really the last
 * one even when it matches nothing. An error carries its line and column (sql-error-position.ts).
 * Type-only import of sql.js: runs in the agent, the page's worker and Node alike.
 */
import type { Database, SqlValue } from 'sql.js';
import type { SqlDatabase } from './define.ts';
import { sqlErrorPosition, type SqlErrorPosition } from './sql-error-position.ts';
import { errorText } from '../shared/error-text.ts';

export interface StatementResult {
  /** Result columns; empty for statements that return none (INSERT, CREATE…). */
  columns: string[];
  /** At most `maxRows` rows. */
  rows: SqlValue[][];
  /** Every row the statement returned (more than `rows.length` when capped). */
  rowCount: number;
}

export type SqlScriptOutcome =
  | { ok: true; results: StatementResult[] }
  | { ok: false; message: string; position: SqlErrorPosition; results: StatementResult[] };

/** Thrown by `SqlDatabase.execScript`: SQLite's message, plus where in the script it points. */
export class SqlScriptError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(message: string, position: SqlErrorPosition) {
    super(message);
    this.name = 'SqlScriptError';
    this.line = position.line;
    this.column = position.column;
  }
}

export function isSqlScriptError(error: unknown): error is SqlScriptError {
  // Checks modules bundle their own copy of the engine, so match by name too.
  return error instanceof SqlScriptError || (error instanceof Error && error.name === 'SqlScriptError' && 'line' in error && 'column' in error);
}

export function runSqlScript(db: Database, sql: string, maxRows = Number.POSITIVE_INFINITY): SqlScriptOutcome {
  const results: StatementResult[] = [];
  const iterator = db.iterateStatements(sql);
  let statementOffset = 0;
  try {
    for (;;) {
      statementOffset = sql.length - iterator.getRemainingSQL().length;
      const next = iterator.next();
      if (next.done) break;
      const statement = next.value;
      try {
        const columns = statement.getColumnNames();
        const rows: SqlValue[][] = [];
        let rowCount = 0;
        while (statement.step()) {
          if (rowCount < maxRows) rows.push(statement.get());
          rowCount += 1;
        }
        results.push({ columns, rows, rowCount });
      } finally {
        statement.free();
      }
    }
  } catch (error) {
    const message = errorText(error);
    return { ok: false, message, position: sqlErrorPosition(sql, message, statementOffset, prepareProbe(db)), results };
  }
  return { ok: true, results };
}

/** Compiles without running: probing a prefix never changes the database. */
function prepareProbe(db: Database): (sql: string) => string | undefined {
  return (sql) => {
    try {
      db.prepare(sql).free();
      return undefined;
    } catch (error) {
      return errorText(error);
    }
  };
}

/** The result a learner means by "my query": the last statement that has result columns. */
export function lastResult<T extends { columns: string[] }>(results: T[]): T | undefined {
  return results.findLast((result) => result.columns.length > 0);
}

/** Runs a check's setup SQL on a dataset copy; a failure is the check author's mistake, not the learner's. */
export function runSetup(db: SqlDatabase, setup: string): void {
  try {
    db.execScript(setup);
  } catch (error) {
    throw new Error(`the check's setup SQL does not run: ${errorText(error)}`);
  }
}
