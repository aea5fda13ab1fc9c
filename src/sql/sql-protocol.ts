/**
 * Messages between the page (`SqlClient`) and the SQL worker. Every request carries an `id`;
 * the worker answers it with exactly one `reply`, after any `check-result` events for it.
 * Values cross `postMessage`, so everything here is structured-clone friendly.
 */
import type { CheckResult } from '../checks/result.ts';
import type { SqlErrorPosition } from '../checks/sql-error-position.ts';

/** One SQLite value as sql.js returns it (BLOBs are bytes). */
export type SqlCell = number | string | Uint8Array | null;

export interface SqlExecSuccess {
  ok: true;
  /** Columns of the last statement that returns rows (empty when none does). */
  columns: string[];
  /** Its rows, at most `maxRows` of them. */
  rows: SqlCell[][];
  /** Its full row count (can exceed `rows.length` when `truncated`). */
  rowCount: number;
  truncated: boolean;
  /** Rows inserted, updated or deleted by the whole script. */
  changes: number;
  statements: number;
  timeMs: number;
}

export interface SqlExecFailure {
  ok: false;
  error: SqlErrorPosition & { message: string };
  timeMs: number;
}

export type SqlExecOutcome = SqlExecSuccess | SqlExecFailure;

export interface SqlColumnInfo {
  name: string;
  /** Declared type, as written in CREATE TABLE (may be empty). */
  type: string;
  notNull: boolean;
  primaryKey: boolean;
  defaultValue: string | null;
}

export interface SqlTableInfo {
  name: string;
  /** The CREATE TABLE statement. */
  sql: string;
  columns: SqlColumnInfo[];
  rowCount: number;
}

export interface SqlTablePage {
  table: string;
  columns: string[];
  rows: SqlCell[][];
  offset: number;
  total: number;
}

/** What the worker needs to run a `sql` lesson's checks without any runtime. */
export interface SqlCheckJob {
  /** The lesson's compiled `checks.ts` (ES module source). */
  checksModule: string;
  /** Absolute URLs of the dataset's two variants. */
  datasetUrls: { visible: string; hidden: string };
  /** The learner's current files (path → text). */
  files: Record<string, string>;
  /** Run only these check ids (all when absent). */
  only?: string[];
}

export type SqlRequest =
  | { type: 'open'; handle: string; bytes: Uint8Array }
  | { type: 'close'; handle: string }
  /** `fresh`: run on a new copy of the handle's original bytes, so runs do not accumulate. */
  | { type: 'exec'; handle: string; sql: string; fresh?: boolean; maxRows?: number }
  | { type: 'tables'; handle: string }
  | { type: 'rows'; handle: string; table: string; offset: number; limit: number }
  | { type: 'check'; job: SqlCheckJob };

export interface SqlReplyData {
  open: null;
  close: null;
  exec: SqlExecOutcome;
  tables: SqlTableInfo[];
  rows: SqlTablePage;
  check: { passed: number; failed: number; results: CheckResult[] };
}

export type SqlRequestMessage = SqlRequest & { id: number };

export type SqlWorkerMessage =
  | { type: 'reply'; id: number; ok: true; data: SqlReplyData[keyof SqlReplyData] }
  | { type: 'reply'; id: number; ok: false; error: string }
  | { type: 'check-result'; id: number; result: CheckResult };
