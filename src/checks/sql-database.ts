/**
 * Adapts a sql.js `Database` to the `SqlDatabase` checks see: sql.js names result rows
 * `values`, the check API names them `rows`. Type-only import, so this runs anywhere.
 */
import type { Database, SqlValue } from 'sql.js';
import type { QueryResult, SqlDatabase } from './define.ts';

export function wrapSqlJsDatabase(db: Database): SqlDatabase {
  return {
    exec(sql: string, params?: unknown[]): QueryResult[] {
      return db.exec(sql, params as SqlValue[] | undefined).map((result) => ({ columns: result.columns, rows: result.values }));
    },
    close: () => db.close(),
  };
}
