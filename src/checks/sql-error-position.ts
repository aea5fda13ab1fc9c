/**
 * Where in a learner's SQL an SQLite error points, and the error as the learner should read it.
 * The one position finder behind both Run (src/sql/sql-engine.ts) and Check: both run the
 * script through sql-script.ts, which calls `sqlErrorPosition` for the failing statement.
 *
 * SQLite names a token (`near ",": syntax error`, `no such column: nme`, `unrecognized token:
 * "'abc"`) but not its offset. This searches the failing statement for the token as a whole
 * token (so `tot` is not found inside `total`), outside comments and strings; when it occurs
 * more than once, a probe (prepare the statement cut just after an occurrence) finds the one at
 * which SQLite already fails the same way. `incomplete input` points at the end; an error with
 * no token points at the statement's first character.
 */
import { maskSql } from './code-mask.ts';

export interface SqlErrorPosition {
  line: number;
  column: number;
}

/** Prepares (never runs) a piece of SQL; returns SQLite's error message, or `undefined` when it compiles. */
export type SqlProbe = (sql: string) => string | undefined;

const TOKEN_PATTERNS = [
  /near "((?:[^"]|"")*)": syntax error/,
  /unrecognized token: "((?:[^"]|"")*)"/,
  /no such (?:column|table|function|collation sequence): ([^\s]+)/,
  /ambiguous column name: ([^\s]+)/,
  /(?:misuse of aggregate|wrong number of arguments to function):? (\w+)\(\)/,
];

/**
 * `statementOffset`: where the failing statement starts in `sql` (0 for a single statement).
 * Always returns a position: at worst the start of the failing statement.
 */
export function sqlErrorPosition(sql: string, message: string, statementOffset = 0, probe?: SqlProbe): SqlErrorPosition {
  const clean = message.replace(/^Error:\s*/, '');
  const statementStart = statementOffset + (/^\s*/.exec(sql.slice(statementOffset))?.[0].length ?? 0);
  return positionOf(sql, findOffset(sql, clean, statementStart, probe) ?? statementStart);
}

function findOffset(sql: string, message: string, statementStart: number, probe: SqlProbe | undefined): number | undefined {
  if (/incomplete input/.test(message)) return sql.trimEnd().length;
  const token = tokenOf(message);
  if (token === undefined || token === '') return undefined;
  // Only the failing statement counts: earlier statements ran, so the token there is not the culprit.
  const statement = sql.slice(statementStart);
  let occurrences = wholeTokenOccurrences(maskSql(statement, { strings: true, names: true }), token);
  // A token inside a string or quoted name (an unterminated quote) only shows in the raw text.
  if (occurrences.length === 0) occurrences = wholeTokenOccurrences(statement, token);
  const failsHere = (index: number): boolean => probe?.(statement.slice(0, index + token.length)) === message;
  const found = (probe && occurrences.length > 1 ? occurrences.find(failsHere) : undefined) ?? occurrences[0];
  return found === undefined ? undefined : statementStart + found;
}

function tokenOf(message: string): string | undefined {
  for (const pattern of TOKEN_PATTERNS) {
    const match = pattern.exec(message);
    if (match?.[1] !== undefined) return match[1].replace(/""/g, '"');
  }
  return undefined;
}

/** Case-insensitive; a token that starts or ends with a word character must not touch another one there. */
function wholeTokenOccurrences(text: string, token: string): number[] {
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const before = /^[\w$]/.test(token) ? '(?<![\\w$])' : '';
  const after = /[\w$]$/.test(token) ? '(?![\\w$])' : '';
  return [...text.matchAll(new RegExp(`${before}${escaped}${after}`, 'gi'))].map((match) => match.index);
}

function positionOf(sql: string, offset: number): SqlErrorPosition {
  const before = sql.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** An SQL error as the learner reads it in a check result: file:line:column, the message, and the lines around it with a caret. */
export function explainSqlError(file: string, sql: string, message: string, position: SqlErrorPosition): string {
  const clean = message.replace(/^Error:\s*/, '');
  const lines = sql.split('\n');
  const first = Math.max(1, position.line - 1);
  const excerpt: string[] = [];
  for (let n = first; n <= Math.min(lines.length, position.line + 1); n += 1) {
    excerpt.push(`${String(n).padStart(3)} | ${lines[n - 1] ?? ''}`);
    if (n === position.line) excerpt.push(`    | ${' '.repeat(position.column - 1)}^`);
  }
  return `${file}:${position.line}:${position.column}: ${clean}\n${excerpt.join('\n')}`;
}
