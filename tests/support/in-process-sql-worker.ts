/**
 * For unit tests (Node): a `SqlWorkerLike` that runs the real request handler in-process with
 * Node's sql.js, answering asynchronously like a real worker. Datasets come from a map.
 */
import initSqlJs from 'sql.js';
import type { SqlWorkerLike } from '../../src/sql/sql-client.ts';
import type { SqlRequestMessage, SqlWorkerMessage } from '../../src/sql/sql-protocol.ts';
import { createSqlRequestHandler } from '../../src/sql/sql-request-handler.ts';

const sql = initSqlJs();

export class InProcessSqlWorker implements SqlWorkerLike {
  onmessage: ((event: MessageEvent<SqlWorkerMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly received: SqlRequestMessage[] = [];
  readonly #handle;
  readonly #hangOn: SqlRequestMessage['type'] | undefined;

  /** `hangOn`: never answer requests of this type (a query stuck in an endless loop). */
  constructor(datasets: ReadonlyMap<string, Uint8Array> = new Map(), hangOn?: SqlRequestMessage['type']) {
    this.#hangOn = hangOn;
    this.#handle = createSqlRequestHandler({
      sql,
      fetchBytes: async (url) => {
        const bytes = datasets.get(url);
        if (!bytes) throw new Error(`404 ${url}`);
        return bytes;
      },
      importModule: (source) => import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(source)}`),
    });
  }

  postMessage(message: SqlRequestMessage): void {
    this.received.push(message);
    if (message.type === this.#hangOn) return;
    setTimeout(() => void this.#handle(structuredClone(message), (reply) => !this.terminated && this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<SqlWorkerMessage>)));
  }

  terminate(): void {
    this.terminated = true;
  }
}
