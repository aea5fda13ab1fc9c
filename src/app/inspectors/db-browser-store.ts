/**
 * State of a database browser: one SQLite database (the learner's file from the agent, or a
 * `sql` lesson's dataset) opened in the SQL worker — its tables, the selected table's rows a
 * page at a time, and queries run against it (always a copy: nothing goes back to the file).
 */
import { signal } from '@preact/signals';
import type { SqlClient } from '../../sql/sql-client.ts';
import type { SqlExecOutcome, SqlTableInfo, SqlTablePage } from '../../sql/sql-protocol.ts';
import { errorText } from '../../shared/error-text.ts';

export const PAGE_SIZE = 50;

export type DbBrowserStatus = 'idle' | 'loading' | 'ready' | 'missing' | 'error';

export class DbBrowserStore {
  readonly status = signal<DbBrowserStatus>('idle');
  /** Why the status is `error`. */
  readonly problem = signal<string | undefined>(undefined);
  readonly tables = signal<SqlTableInfo[]>([]);
  readonly selected = signal<string | undefined>(undefined);
  readonly page = signal<SqlTablePage | undefined>(undefined);
  readonly loadedAt = signal<Date | undefined>(undefined);
  readonly result = signal<SqlExecOutcome | undefined>(undefined);
  /** The SQL the result came from, to place its error. */
  readonly resultSql = signal('');
  readonly running = signal(false);
  /** Why a run gave no result at all (the worker was stopped, the database is gone). */
  readonly runProblem = signal<string | undefined>(undefined);

  readonly #client: SqlClient;
  readonly #handle: string;
  readonly #load: () => Promise<Uint8Array | undefined>;
  /** Bumped by every refresh so an older, slower one cannot overwrite a newer one. */
  #generation = 0;

  constructor(client: SqlClient, handle: string, load: () => Promise<Uint8Array | undefined>) {
    this.#client = client;
    this.#handle = handle;
    this.#load = load;
  }

  /** Reads the database again and re-opens it; keeps the selected table and page when they still exist. */
  async refresh(): Promise<void> {
    const generation = ++this.#generation;
    this.status.value = 'loading';
    try {
      const bytes = await this.#load();
      if (generation !== this.#generation) return;
      if (!bytes) {
        this.tables.value = [];
        this.page.value = undefined;
        this.status.value = 'missing';
        return;
      }
      await this.#client.open(this.#handle, bytes);
      const tables = await this.#client.tables(this.#handle);
      if (generation !== this.#generation) return;
      this.tables.value = tables;
      this.loadedAt.value = new Date();
      const keep = tables.find((table) => table.name === this.selected.peek())?.name;
      const table = keep ?? tables[0]?.name;
      this.selected.value = table;
      this.page.value = table ? await this.#client.rows(this.#handle, table, keep ? (this.page.peek()?.offset ?? 0) : 0, PAGE_SIZE) : undefined;
      if (generation !== this.#generation) return;
      this.problem.value = undefined;
      this.status.value = 'ready';
    } catch (error) {
      if (generation !== this.#generation) return;
      this.problem.value = errorText(error);
      this.status.value = 'error';
    }
  }

  async select(table: string): Promise<void> {
    this.selected.value = table;
    await this.showPage(0);
  }

  async showPage(offset: number): Promise<void> {
    const table = this.selected.peek();
    if (!table) return;
    try {
      this.page.value = await this.#client.rows(this.#handle, table, Math.max(0, offset), PAGE_SIZE);
    } catch (error) {
      this.problem.value = errorText(error);
      this.status.value = 'error';
    }
  }

  /**
   * Runs SQL on the open copy. `fresh`: on a new copy of what was loaded, so a learner's
   * script gives the same result every time (like the checks, which start from a fresh copy).
   */
  async run(sql: string, options: { fresh?: boolean } = {}): Promise<void> {
    if (this.running.peek()) return;
    if (this.status.peek() !== 'ready') await this.refresh();
    if (this.status.peek() !== 'ready') return;
    this.running.value = true;
    this.runProblem.value = undefined;
    try {
      this.resultSql.value = sql;
      this.result.value = await this.#client.exec(this.#handle, sql, options);
    } catch (error) {
      this.result.value = undefined;
      this.runProblem.value = errorText(error);
    } finally {
      this.running.value = false;
    }
    if (!options.fresh) await this.#reloadTablesAfterChanges();
  }

  /** An ad-hoc statement may have created or changed tables in the copy: show that. */
  async #reloadTablesAfterChanges(): Promise<void> {
    try {
      this.tables.value = await this.#client.tables(this.#handle);
      const table = this.selected.peek();
      if (table && this.tables.peek().some((t) => t.name === table)) await this.showPage(this.page.peek()?.offset ?? 0);
    } catch {
      // The database was closed meanwhile (lesson switch); the next refresh shows the truth.
    }
  }
}
