/**
 * The page's typed, promise-based door to the SQL worker. The worker starts on first use
 * (so sql.js is never part of the first load). A call that runs too long — a recursive query
 * that never ends blocks the worker thread for good — terminates the worker; the next call
 * starts a fresh one and re-opens every database from what it was opened with.
 */
import type { CheckResult } from '../checks/result.ts';
import type { SqlCheckJob, SqlExecOutcome, SqlReplyData, SqlRequest, SqlRequestMessage, SqlTableInfo, SqlTablePage, SqlWorkerMessage } from './sql-protocol.ts';

/** The part of `Worker` the client uses (a fake in unit tests). */
export interface SqlWorkerLike {
  postMessage(message: SqlRequestMessage): void;
  onmessage: ((event: MessageEvent<SqlWorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

const DEFAULT_EXEC_TIMEOUT_MS = 10_000;
const DEFAULT_CHECKS_TIMEOUT_MS = 60_000;

interface Pending {
  resolve(data: unknown): void;
  reject(error: Error): void;
  onCheckResult?: (result: CheckResult) => void;
  timer?: ReturnType<typeof setTimeout>;
}

type OpenRequest = Extract<SqlRequest, { type: 'open' }>;

export class SqlClient {
  readonly #createWorker: () => SqlWorkerLike;
  #worker: SqlWorkerLike | undefined;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  /** How each open database was opened, to re-open it in a restarted worker. */
  readonly #sources = new Map<string, OpenRequest>();

  constructor(createWorker: () => SqlWorkerLike = createSqlWorker) {
    this.#createWorker = createWorker;
  }

  /** Opens (or replaces) the database `handle` with a copy of `bytes`. */
  async open(handle: string, bytes: Uint8Array): Promise<void> {
    await this.#remembered({ type: 'open', handle, bytes });
  }

  async close(handle: string): Promise<void> {
    this.#sources.delete(handle);
    await this.#call({ type: 'close', handle });
  }

  /** Runs a script; SQL errors come back as `{ ok: false, error }` with their line and column. */
  exec(handle: string, sql: string, options: { fresh?: boolean; maxRows?: number; timeoutMs?: number } = {}): Promise<SqlExecOutcome> {
    const { timeoutMs = DEFAULT_EXEC_TIMEOUT_MS, ...rest } = options;
    return this.#call({ type: 'exec', handle, sql, ...rest }, { timeoutMs, what: 'The query' });
  }

  tables(handle: string): Promise<SqlTableInfo[]> {
    return this.#call({ type: 'tables', handle });
  }

  rows(handle: string, table: string, offset: number, limit: number): Promise<SqlTablePage> {
    return this.#call({ type: 'rows', handle, table, offset, limit });
  }

  /** Runs a `sql` lesson's checks in the worker; each result is reported as soon as it is known. */
  runChecks(job: SqlCheckJob, onResult?: (result: CheckResult) => void, timeoutMs = DEFAULT_CHECKS_TIMEOUT_MS): Promise<SqlReplyData['check']> {
    const datasetUrls = { visible: new URL(job.datasetUrls.visible, globalThis.location?.href).href, hidden: new URL(job.datasetUrls.hidden, globalThis.location?.href).href };
    return this.#call({ type: 'check', job: { ...job, datasetUrls } }, { timeoutMs, what: 'The checks', ...(onResult ? { onCheckResult: onResult } : {}) });
  }

  /** Stops the worker; pending calls fail. */
  dispose(): void {
    this.#stop(new Error('The SQL worker was stopped.'));
    this.#sources.clear();
  }

  async #remembered(request: OpenRequest): Promise<void> {
    this.#sources.set(request.handle, request);
    try {
      await this.#call(request);
    } catch (error) {
      this.#sources.delete(request.handle);
      throw error;
    }
  }

  #call<T extends SqlRequest>(
    request: T,
    options: { timeoutMs?: number; what?: string; onCheckResult?: (result: CheckResult) => void } = {},
  ): Promise<SqlReplyData[T['type']]> {
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const pending: Pending = { resolve: resolve as (data: unknown) => void, reject };
      if (options.onCheckResult) pending.onCheckResult = options.onCheckResult;
      if (options.timeoutMs !== undefined) {
        const seconds = options.timeoutMs / 1000;
        pending.timer = setTimeout(() => {
          this.#stop(new Error(`${options.what ?? 'The SQL worker'} ran for more than ${seconds} s and was stopped. Look for a query that never ends, such as a recursive WITH without a stopping condition.`));
        }, options.timeoutMs);
      }
      this.#pending.set(id, pending);
      worker.postMessage({ ...request, id });
    });
  }

  #ensureWorker(): SqlWorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.#createWorker();
    worker.onmessage = (event) => this.#receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.#stop(new Error(`The SQL worker failed: ${event.message || 'it could not be loaded'}. Reload the page to try again.`));
    };
    this.#worker = worker;
    // Replies to these replays have no pending entry and are dropped; a failure resurfaces on the next call.
    for (const source of this.#sources.values()) worker.postMessage({ ...source, id: this.#nextId++ });
    return worker;
  }

  #receive(message: SqlWorkerMessage): void {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    if (message.type === 'check-result') {
      pending.onCheckResult?.(message.result);
      return;
    }
    this.#pending.delete(message.id);
    clearTimeout(pending.timer);
    if (message.ok) pending.resolve(message.data);
    else pending.reject(new Error(message.error));
  }

  #stop(reason: Error): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(reason);
    }
    this.#pending.clear();
  }
}

function createSqlWorker(): SqlWorkerLike {
  return new Worker(new URL('./sql-worker.ts', import.meta.url), { type: 'module', name: 'sql' });
}

let shared: SqlClient | undefined;

/** The app's one SQL worker, started on first use. */
export function sqlClient(): SqlClient {
  shared ??= new SqlClient();
  return shared;
}
