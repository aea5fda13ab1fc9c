/**
 * Compares a learner's query result with the reference query's result, and explains SQL
 * errors by position. Pure functions with no Node or DOM API: the agent and the page's SQL
 * worker share them.
 */
import type { QueryResult } from './define.ts';
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

/** The result of a query with no rows: sql.js's `exec` returns nothing at all for it. */
const NO_ROWS: QueryResult = { columns: [], rows: [] };

/** `undefined` when the results are equal by value. */
export function compareResults(actual: QueryResult | undefined, expected: QueryResult | undefined, options: CompareOptions): ResultMismatch | undefined {
  const got = actual ?? NO_ROWS;
  const want = expected ?? NO_ROWS;
  const rendered = { expected: renderTable(want), actual: renderTable(got) };
  // Column names are unknown when a side has no rows (sql.js gives no columns then).
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

export function renderCell(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return `'${value}'`;
  if (value instanceof Uint8Array) return `<blob ${value.length} bytes>`;
  return String(value);
}

export function renderRow(row: unknown[]): string {
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

/** Removes comments and the contents of string literals and quoted names, keeping every other character's position. */
function maskSql(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?(\*\/|$)|'(?:[^']|'')*'?|"(?:[^"]|"")*"?|`[^`]*`?|\[[^\]]*\]?/g, (match) => match.replace(/[^\n]/g, ' '));
}

/** Whether the last statement sorts its result: an ORDER BY outside every parenthesis. */
export function hasTopLevelOrderBy(sql: string): boolean {
  const statements = maskSql(sql).split(';').filter((statement) => statement.trim() !== '');
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

export interface SqlErrorPosition {
  line: number;
  column: number;
}

/**
 * Tries a prefix of the learner's SQL on a scratch database and returns the error message
 * (or `undefined` when it runs). Lets the position finder tell which occurrence of a token
 * SQLite stumbled on.
 */
export type SqlProbe = (prefix: string) => string | undefined;

/**
 * Where in `sql` an SQLite error points. SQLite names a token (`near "FORM": syntax error`,
 * `no such column: nme`, `no such table: users2`) but not its offset, so this looks at the
 * token's occurrences outside comments and strings: with a probe, the first one at which the
 * SQL cut just after it already fails the same way; without, the first one. `incomplete
 * input` points at the end.
 */
export function sqlErrorPosition(sql: string, message: string, probe?: SqlProbe): SqlErrorPosition | undefined {
  let offset: number | undefined;
  const near = /near "((?:[^"]|"")*)"/.exec(message);
  const named = /no such (?:column|table|function): ([\w.]+)/.exec(message);
  const token = near?.[1]?.replace(/""/g, '"') ?? named?.[1];
  if (token !== undefined) {
    const occurrences = findOccurrences(maskSql(sql).toLowerCase(), token.toLowerCase());
    // A token inside a string literal (e.g. an unterminated quote) only shows in the raw text.
    if (occurrences.length === 0) occurrences.push(...findOccurrences(sql.toLowerCase(), token.toLowerCase()));
    const failsHere = (index: number): boolean => probe?.(sql.slice(0, index + token.length))?.includes(message.replace(/^Error:\s*/, '')) ?? false;
    offset = (probe && occurrences.length > 1 ? occurrences.find(failsHere) : undefined) ?? occurrences[0];
  } else if (/incomplete input/.test(message)) {
    offset = sql.trimEnd().length;
  }
  if (offset === undefined) return undefined;
  const before = sql.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function findOccurrences(text: string, token: string): number[] {
  const found: number[] = [];
  if (token === '') return found;
  for (let index = text.indexOf(token); index >= 0; index = text.indexOf(token, index + 1)) found.push(index);
  return found;
}

/** An SQL error as the learner should read it: file, line:column, the message, and the lines around it with a caret. */
export function explainSqlError(file: string, sql: string, message: string, probe?: SqlProbe): string {
  const clean = message.replace(/^Error:\s*/, '');
  const position = sqlErrorPosition(sql, clean, probe);
  if (!position) return `${file}: ${clean}`;
  const lines = sql.split('\n');
  const first = Math.max(1, position.line - 1);
  const excerpt: string[] = [];
  for (let n = first; n <= Math.min(lines.length, position.line + 1); n += 1) {
    excerpt.push(`${String(n).padStart(3)} | ${lines[n - 1] ?? ''}`);
    if (n === position.line) excerpt.push(`    | ${' '.repeat(position.column - 1)}^`);
  }
  return `${file}:${position.line}:${position.column}: ${clean}\n${excerpt.join('\n')}`;
}
