/**
 * Compares a learner's query result with the reference query's result. Pure functions with no
 * Node or DOM API: the agent and the page's SQL worker share them.
 */
import type { QueryResult } from './define.ts';
import { maskSql } from './code-mask.ts';
import { deepEqual } from './deep-equal.ts';

export interface CompareOptions {
  /** Compare rows in order. */
  ordered: boolean;
  /** Compare column names (case-insensitively). */
  columnNames: boolean;
}

export interface ResultMismatch {
  message: string;
  /** Both sides rendered as text tables, the same way, for a diff. */
  expected: string;
  actual: string;
}

/** Stands for a script with no statement that returns columns (only INSERTs, say). */
const NO_ROWS: QueryResult = { columns: [], rows: [] };

/** `undefined` when the results are equal by value. */
export function compareResults(actual: QueryResult | undefined, expected: QueryResult | undefined, options: CompareOptions): ResultMismatch | undefined {
  const got = actual ?? NO_ROWS;
  const want = expected ?? NO_ROWS;
  const rendered = { expected: renderTable(want), actual: renderTable(got) };
  // A side with no result-returning statement has no columns to compare.
  const bothHaveColumns = got.columns.length > 0 && want.columns.length > 0;
  if (bothHaveColumns && got.columns.length !== want.columns.length) {
    return { message: `Your query returns ${count(got.columns.length, 'column')} (${got.columns.join(', ')}); expected ${count(want.columns.length, 'column')} (${want.columns.join(', ')}).`, ...rendered };
  }
  if (bothHaveColumns && options.columnNames) {
    const index = want.columns.findIndex((name, i) => name.toLowerCase() !== got.columns[i]?.toLowerCase());
    if (index >= 0) {
      return { message: `Column ${index + 1} is named "${got.columns[index] ?? ''}"; expected "${want.columns[index] ?? ''}" (use AS to name it).`, ...rendered };
    }
  }
  const rowCounts = `Your query returns ${count(got.rows.length, 'row')}; the reference returns ${count(want.rows.length, 'row')}.`;
  if (options.ordered) {
    const index = want.rows.findIndex((row, i) => !rowsEqual(row, got.rows[i]));
    const extra = index < 0 && got.rows.length > want.rows.length ? want.rows.length : index;
    if (extra < 0) return undefined;
    const wantRow = want.rows[extra];
    const gotRow = got.rows[extra];
    const detail = `Row ${extra + 1} differs: expected ${wantRow ? renderRow(wantRow) : '(no row)'}, got ${gotRow ? renderRow(gotRow) : '(no row)'}.`;
    return { message: got.rows.length === want.rows.length ? `${detail} (Rows are compared in order because the reference sorts them.)` : `${rowCounts} ${detail}`, ...rendered };
  }
  const { missing, extra } = multisetDifference(want.rows, got.rows);
  if (missing.length === 0 && extra.length === 0) return undefined;
  const parts = [got.rows.length === want.rows.length ? `Both return ${count(want.rows.length, 'row')}, but they differ.` : rowCounts];
  if (missing.length) parts.push(`Missing: ${missing.slice(0, 3).map(renderRow).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}.`);
  if (extra.length) parts.push(`Unexpected: ${extra.slice(0, 3).map(renderRow).join(', ')}${extra.length > 3 ? ` and ${extra.length - 3} more` : ''}.`);
  return { message: parts.join(' '), ...rendered };
}

function rowsEqual(a: unknown[] | undefined, b: unknown[] | undefined): boolean {
  return a !== undefined && b !== undefined && deepEqual(a, b);
}

/** Rows of `want` not matched in `got` and rows of `got` left over, matching each row at most once. */
function multisetDifference(want: unknown[][], got: unknown[][]): { missing: unknown[][]; extra: unknown[][] } {
  const unmatched = [...got];
  const missing: unknown[][] = [];
  for (const row of want) {
    const index = unmatched.findIndex((candidate) => rowsEqual(row, candidate));
    if (index < 0) missing.push(row);
    else unmatched.splice(index, 1);
  }
  return { missing, extra: unmatched };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function renderCell(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return `'${value}'`;
  if (value instanceof Uint8Array) return `<blob ${value.length} bytes>`;
  return String(value);
}

function renderRow(row: unknown[]): string {
  return `(${row.map(renderCell).join(', ')})`;
}

const MAX_RENDERED_ROWS = 50;

/** A result as a small text table: a header line, then one line per row. */
export function renderTable(result: QueryResult): string {
  const header = result.columns.length ? result.columns.join(' | ') : '(no columns)';
  const rows = result.rows.slice(0, MAX_RENDERED_ROWS).map((row) => row.map(renderCell).join(' | '));
  if (result.rows.length > MAX_RENDERED_ROWS) rows.push(`… ${result.rows.length - MAX_RENDERED_ROWS} more rows`);
  return [header, ...(rows.length ? rows : ['(no rows)'])].join('\n');
}

/** Whether the last statement sorts its result: an ORDER BY outside every parenthesis. */
export function hasTopLevelOrderBy(sql: string): boolean {
  const statements = maskSql(sql, { strings: true, names: true }).split(';').filter((statement) => statement.trim() !== '');
  const last = statements.at(-1) ?? '';
  let depth = 0;
  let flat = '';
  for (const char of last) {
    if (char === '(') depth += 1;
    if (depth === 0) flat += char;
    if (char === ')') depth = Math.max(0, depth - 1);
  }
  return /\border\s+by\b/i.test(flat);
}
