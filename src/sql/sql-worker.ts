/**
 * The SQL worker: sql.js (and its wasm, served by the app) loads here, never on the page's
 * main thread, so a slow query cannot freeze the editor and sql.js stays out of the first
 * load. Created lazily by `SqlClient`.
 */
import initSqlJs from 'sql.js';
// sql.js ≥ 1.13 ships the browser build's wasm under this name (not sql-wasm.wasm).
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { createSqlRequestHandler } from './sql-request-handler.ts';
import type { SqlRequestMessage, SqlWorkerMessage } from './sql-protocol.ts';

const handle = createSqlRequestHandler({
  sql: initSqlJs({ locateFile: () => wasmUrl }),
  async fetchBytes(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Could not load the dataset ${url}: the server answered ${response.status}.`);
    return new Uint8Array(await response.arrayBuffer());
  },
  async importModule(source) {
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    try {
      return (await import(/* @vite-ignore */ url)) as { default?: unknown };
    } finally {
      URL.revokeObjectURL(url);
    }
  },
});

const post = (message: SqlWorkerMessage): void => self.postMessage(message);
self.addEventListener('message', (event: MessageEvent<SqlRequestMessage>) => void handle(event.data, post));
