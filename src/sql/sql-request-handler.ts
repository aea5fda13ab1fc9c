/**
 * The SQL worker's message handling, apart from the worker globals so Vitest can drive it:
 * one request in, any `check-result` events, then exactly one reply.
 */
import type { SqlJsStatic } from 'sql.js';
import { summarize } from '../checks/result.ts';
import { SqlEngine } from './sql-engine.ts';
import { runSqlLessonChecks } from './sql-lesson-checks.ts';
import type { SqlReplyData, SqlRequestMessage, SqlWorkerMessage } from './sql-protocol.ts';
import { errorText } from '../shared/error-text.ts';

export interface SqlRequestHandlerDeps {
  /** sql.js, loaded once. */
  sql: Promise<SqlJsStatic>;
  fetchBytes(url: string): Promise<Uint8Array>;
  importModule(source: string): Promise<{ default?: unknown }>;
}

export type SqlRequestHandler = (message: SqlRequestMessage, post: (message: SqlWorkerMessage) => void) => Promise<void>;

export function createSqlRequestHandler(deps: SqlRequestHandlerDeps): SqlRequestHandler {
  const engine = deps.sql.then((sql) => new SqlEngine(sql));
  // Datasets are fetched once per URL: every Run and every Check reuses them.
  const downloads = new Map<string, Promise<Uint8Array>>();
  const download = (url: string): Promise<Uint8Array> => {
    let bytes = downloads.get(url);
    if (!bytes) {
      bytes = deps.fetchBytes(url);
      downloads.set(url, bytes);
      bytes.catch(() => downloads.delete(url));
    }
    return bytes;
  };

  async function answer(message: SqlRequestMessage, post: (message: SqlWorkerMessage) => void): Promise<SqlReplyData[keyof SqlReplyData]> {
    switch (message.type) {
      case 'open':
        (await engine).open(message.handle, message.bytes);
        return null;
      case 'close':
        (await engine).close(message.handle);
        return null;
      case 'exec':
        return (await engine).exec(message.handle, message.sql, {
          ...(message.fresh !== undefined ? { fresh: message.fresh } : {}),
          ...(message.maxRows !== undefined ? { maxRows: message.maxRows } : {}),
        });
      case 'tables':
        return (await engine).tables(message.handle);
      case 'rows':
        return (await engine).rows(message.handle, message.table, message.offset, message.limit);
      case 'check': {
        const { job } = message;
        const results = await runSqlLessonChecks({
          sql: await deps.sql,
          checksModule: job.checksModule,
          files: job.files,
          datasetBytes: (variant) => download(job.datasetUrls[variant]),
          importModule: deps.importModule,
          ...(job.only ? { only: job.only } : {}),
          onResult: (result) => post({ type: 'check-result', id: message.id, result }),
        });
        return summarize(results);
      }
    }
  }

  return async (message, post) => {
    try {
      post({ type: 'reply', id: message.id, ok: true, data: await answer(message, post) });
    } catch (error) {
      post({ type: 'reply', id: message.id, ok: false, error: errorText(error) });
    }
  };
}
