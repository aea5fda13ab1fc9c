/**
 * The database browser. `server` lessons: the learner's SQLite file (read by the agent) —
 * tables, schema, rows a page at a time, and ad-hoc SQL on a copy. `sql` lessons: the same for
 * the lesson's dataset, plus Run (Ctrl/Cmd+Enter) for the learner's query file.
 * sql.js runs in the SQL worker; this panel only renders the store.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { sqlClient, type SqlClient } from '../../sql/sql-client.ts';
import { DbBrowserStore, PAGE_SIZE } from './db-browser-store.ts';
import { DataGrid, ResultView } from './ResultGrid.tsx';
import type { OpenFileAt } from './StackTraceText.tsx';
import './inspectors.css';

export interface DbBrowserPanelProps {
  /** A stable name for this database in the SQL worker, e.g. `learner:apis/crud` or `dataset:shop`. */
  handle: string;
  /** The database's bytes (the agent's `db` command, or the dataset); `undefined` when the file does not exist yet. */
  loadDatabase: () => Promise<Uint8Array | undefined>;
  /** What to say when there is no database yet. */
  missingMessage: string;
  /** The browser reloads whenever this changes (bump it after each request and check). */
  refreshToken?: number;
  /** `sql` lessons: the learner's query file and its current text; Run executes it on a fresh copy. */
  learnerQuery?: { file: string; text: string };
  /** `sql` lessons: bump to Run the learner's query (e.g. from the editor's shortcut). */
  runToken?: number;
  /** Makes an SQL error's position a link into the editor. */
  openFileAt?: OpenFileAt;
  client?: SqlClient;
}

export function DbBrowserPanel(props: DbBrowserPanelProps) {
  const { handle, loadDatabase, missingMessage, refreshToken, learnerQuery, runToken, openFileAt } = props;
  const client = props.client ?? sqlClient();
  // The store lives as long as the handle; it always calls the latest loader.
  const latestLoad = useRef(loadDatabase);
  latestLoad.current = loadDatabase;
  const store = useMemo(() => new DbBrowserStore(client, handle, () => latestLoad.current()), [client, handle]);
  const adHoc = useSignal('');
  const lastRunFile = useSignal<string | undefined>(undefined);

  const runLearnerQuery = () => {
    if (!learnerQuery) return;
    lastRunFile.value = learnerQuery.file;
    void store.run(learnerQuery.text, { fresh: true });
  };
  const runAdHoc = () => {
    lastRunFile.value = undefined;
    void store.run(adHoc.value);
  };

  useEffect(() => void store.refresh(), [store, refreshToken]);
  // The worker keeps a database per handle: release it when the panel goes (a lesson switch).
  useEffect(() => () => void client.close(handle).catch(() => undefined), [client, handle]);
  const firstRunToken = useRef(runToken);
  useEffect(() => {
    if (runToken !== firstRunToken.current) runLearnerQuery();
  }, [runToken]);

  const status = store.status.value;
  const tables = store.tables.value;
  const selected = tables.find((table) => table.name === store.selected.value);
  const page = store.page.value;
  const result = store.result.value;

  return (
    <section
      class="panel inspector db-browser"
      aria-label="Database"
      onKeyDown={(event) => {
        if (!(event.ctrlKey || event.metaKey) || event.key !== 'Enter') return;
        const inAdHoc = (event.target as HTMLElement | null)?.classList.contains('db-adhoc-input');
        if (!inAdHoc && !learnerQuery) return;
        event.preventDefault();
        if (inAdHoc) runAdHoc();
        else runLearnerQuery();
      }}
    >
      <div class="toolbar">
        {learnerQuery && (
          <button type="button" class="primary" onClick={runLearnerQuery} disabled={store.running.value} aria-keyshortcuts="Control+Enter Meta+Enter">
            Run {learnerQuery.file}
          </button>
        )}
        <button type="button" class="small" onClick={() => void store.refresh()} disabled={status === 'loading'}>
          Refresh
        </button>
        <span class="muted" role="status">
          {status === 'loading' ? 'Loading…' : status === 'ready' && store.loadedAt.value ? `Loaded at ${store.loadedAt.value.toLocaleTimeString()}` : ''}
        </span>
      </div>

      {store.runProblem.value && (
        <p class="error" role="alert">
          {store.runProblem.value}
        </p>
      )}
      {result && <ResultView outcome={result} sql={store.resultSql.value} {...(lastRunFile.value && openFileAt ? { file: lastRunFile.value, openFileAt } : {})} />}

      {status === 'missing' && <p class="muted">{missingMessage}</p>}
      {status === 'error' && (
        <p class="error" role="alert">
          The database could not be read: {store.problem.value}
        </p>
      )}
      {(status === 'ready' || (status === 'loading' && tables.length > 0)) && (
        <div class="db-layout">
          <nav aria-label="Tables" class="db-tables">
            {tables.length === 0 ? (
              <p class="muted">The database has no tables yet.</p>
            ) : (
              <ul>
                {tables.map((table) => (
                  <li key={table.name}>
                    <button type="button" class="small" aria-pressed={table.name === selected?.name} onClick={() => void store.select(table.name)}>
                      {table.name} <span class="muted">({table.rowCount})</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </nav>
          {selected && (
            <div class="db-table">
              <details>
                <summary>Schema of {selected.name}</summary>
                <table class="grid" aria-label={`Columns of ${selected.name}`}>
                  <thead>
                    <tr>
                      <th scope="col">Column</th>
                      <th scope="col">Type</th>
                      <th scope="col">Constraints</th>
                    </tr>
                  </thead>
                  <tbody>
                    {selected.columns.map((column) => (
                      <tr key={column.name}>
                        <td>{column.name}</td>
                        <td>{column.type || 'any'}</td>
                        <td>{[column.primaryKey && 'PRIMARY KEY', column.notNull && 'NOT NULL', column.defaultValue !== null && `DEFAULT ${column.defaultValue}`].filter(Boolean).join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <pre class="code">{selected.sql}</pre>
              </details>
              {page && page.table === selected.name && (
                <>
                  <DataGrid columns={page.columns} rows={page.rows} label={`Rows of ${selected.name}`} />
                  <div class="toolbar">
                    <span class="muted">{page.total === 0 ? 'No rows' : `Rows ${page.offset + 1}–${page.offset + page.rows.length} of ${page.total}`}</span>
                    <button type="button" class="small" disabled={page.offset === 0} onClick={() => void store.showPage(page.offset - PAGE_SIZE)}>
                      Previous rows
                    </button>
                    <button type="button" class="small" disabled={page.offset + PAGE_SIZE >= page.total} onClick={() => void store.showPage(page.offset + PAGE_SIZE)}>
                      Next rows
                    </button>
                  </div>
                </>
              )}
            </div>
          )}
        </div>
      )}

      <details class="db-adhoc">
        <summary>Run SQL on a copy</summary>
        <p class="muted">Runs on a copy of the database: nothing you do here changes {learnerQuery ? 'the dataset' : 'your server’s file'}. Ctrl/Cmd+Enter runs it.</p>
        <textarea
          class="code db-adhoc-input"
          aria-label="SQL to run on a copy"
          rows={3}
          spellcheck={false}
          value={adHoc.value}
          onInput={(event) => (adHoc.value = event.currentTarget.value)}
        />
        <button type="button" class="small" onClick={runAdHoc} disabled={store.running.value || adHoc.value.trim() === ''}>
          Run SQL
        </button>
      </details>
    </section>
  );
}
