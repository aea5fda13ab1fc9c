/**
 * Adapts a sql.js `Database` to the `SqlDatabase` checks see: sql.js names result rows
 * `values`, the check API names them `rows`; `execScript` runs statement by statement through
 * the engine's one script runner (sql-script.ts). Type-only import of sql.js, so this runs anywhere.
 */
import type { Database, SqlValue } from 'sql.js';
import type { QueryResult, SqlDatabase } from './define.ts';
import { runSqlScript, SqlScriptError } from './sql-script.ts';

export function wrapSqlJsDatabase(db: Database): SqlDatabase {
  return {
    exec(sql: string, params?: unknown[]): QueryResult[] {
      return db.exec(sql, params as SqlValue[] | undefined).map((result) => ({ columns: result.columns, rows: result.values }));
    },
    execScript(sql: string): QueryResult[] {
      const outcome = runSqlScript(db, sql);
      if (!outcome.ok) throw new SqlScriptError(outcome.message, outcome.position);
      return outcome.results.filter((result) => result.columns.length > 0).map(({ columns, rows }) => ({ columns, rows }));
    },
    close: () => db.close(),
  };
}
