/**
 * SQL results as a table: column names, NULL shown as NULL (never as an empty cell), BLOBs
 * as their size; or an SQL error with its line and column and the line it points at.
 */
import type { SqlCell, SqlExecOutcome } from '../../sql/sql-protocol.ts';
import { SourceLink, type OpenFileAt } from './StackTraceText.tsx';

export function DataGrid({ columns, rows, label }: { columns: string[]; rows: SqlCell[][]; label: string }) {
  return (
    <div class="grid-scroll">
      <table class="grid" aria-label={label}>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th scope="col" key={index}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) => (
                <Cell key={index} value={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ value }: { value: SqlCell }) {
  if (value === null) return <td class="sql-null">NULL</td>;
  if (value instanceof Uint8Array) return <td class="sql-blob">{`<blob ${value.length} bytes>`}</td>;
  return <td class={typeof value === 'number' ? 'sql-number' : undefined}>{String(value)}</td>;
}

export interface ResultViewProps {
  outcome: SqlExecOutcome;
  /** The SQL that ran, to show the line an error points at. */
  sql: string;
  /** The learner file it came from, to link the error's position. */
  file?: string;
  openFileAt?: OpenFileAt;
}

export function ResultView({ outcome, sql, file, openFileAt }: ResultViewProps) {
  const time = `${outcome.timeMs < 10 ? outcome.timeMs.toFixed(1) : Math.round(outcome.timeMs)} ms`;
  if (!outcome.ok) {
    const { line, column, message } = outcome.error;
    const text = sql.split('\n')[line - 1] ?? '';
    return (
      <div class="sql-error" role="alert">
        <p>
          <strong>SQL error</strong> at{' '}
          {file && openFileAt ? <SourceLink location={{ path: file, line, column }} openFileAt={openFileAt} /> : `line ${line}, column ${column}`}: {message}
        </p>
        <pre class="code">{`${String(line).padStart(3)} | ${text}\n    | ${' '.repeat(Math.max(0, column - 1))}^`}</pre>
      </div>
    );
  }
  const summary =
    outcome.columns.length > 0
      ? `${outcome.rowCount} ${outcome.rowCount === 1 ? 'row' : 'rows'}${outcome.truncated ? ` (showing the first ${outcome.rows.length})` : ''}`
      : `${outcome.statements} ${outcome.statements === 1 ? 'statement' : 'statements'} ran, ${outcome.changes} ${outcome.changes === 1 ? 'row' : 'rows'} changed`;
  return (
    <div class="sql-result">
      <p class="muted" role="status">
        {summary} · {time}
      </p>
      {outcome.columns.length > 0 && <DataGrid columns={outcome.columns} rows={outcome.rows} label="Query result" />}
    </div>
  );
}
