/**
 * Runs a `sql` lesson's checks with no runtime at all: inside the SQL worker, with the
 * shared check runner and an environment made of the learner's files and the dataset bytes.
 * This is what lets `sql` lessons work in any browser, even when no runtime can start.
 */
import type { SqlJsStatic } from 'sql.js';
import type { DatasetVariant, LessonChecks } from '../checks/define.ts';
import type { CheckEnvironment } from '../checks/environment.ts';
import type { CheckResult } from '../checks/result.ts';
import { runChecks } from '../checks/run-checks.ts';
import { wrapSqlJsDatabase } from '../checks/sql-database.ts';

export interface SqlLessonCheckOptions {
  sql: SqlJsStatic;
  /** The lesson's compiled checks module (ES module source). */
  checksModule: string;
  /** The learner's files, path → text. */
  files: Record<string, string>;
  datasetBytes(variant: DatasetVariant): Promise<Uint8Array>;
  /** Evaluates ES module source and returns its namespace (a Blob URL import in the worker). */
  importModule(source: string): Promise<{ default?: unknown }>;
  only?: string[];
  onResult?: (result: CheckResult) => void;
}

export async function runSqlLessonChecks(options: SqlLessonCheckOptions): Promise<CheckResult[]> {
  const namespace = await options.importModule(options.checksModule);
  return runChecks(namespace.default as LessonChecks, createSqlLessonEnvironment(options), options.onResult, {
    ...(options.only ? { only: options.only } : {}),
  });
}

const NEEDS_A_SERVER = 'needs a running server, and this lesson is a `sql` lesson that runs without one';

export function createSqlLessonEnvironment({ sql, files, datasetBytes }: Pick<SqlLessonCheckOptions, 'sql' | 'files' | 'datasetBytes'>): CheckEnvironment {
  const encoder = new TextEncoder();
  return {
    request: () => Promise.reject(new Error(`An HTTP check ${NEEDS_A_SERVER}. Use sql, file or run checks in this lesson.`)),
    readFile: async (path) => (path in files ? encoder.encode(files[path]) : undefined),
    openDatabase: async (bytes) => wrapSqlJsDatabase(new sql.Database(bytes)),
    datasetBytes,
    async setUpstream(script) {
      // The runner sets the (empty) default script before every check; only real fakes are a mistake here.
      if (Object.keys(script).length > 0) throw new Error(`Upstream fakes need a server to call them: this ${NEEDS_A_SERVER}.`);
    },
    upstreamCalls: async () => [],
    restartServer: () => Promise.reject(new Error(`restartServer() ${NEEDS_A_SERVER}.`)),
    signalServer: () => Promise.reject(new Error(`signalServer() ${NEEDS_A_SERVER}.`)),
    clockNow: () => Promise.reject(new Error(`The clock is not available in sql lessons: it ${NEEDS_A_SERVER}.`)),
    advanceClock: () => Promise.reject(new Error(`The clock is not available in sql lessons: it ${NEEDS_A_SERVER}.`)),
    // Called before every check; there is no server clock to reset.
    resetClock: async () => {},
    runCommand: () => Promise.reject(new Error(`runCommand() is not available in sql lessons: it ${NEEDS_A_SERVER}.`)),
    outputMark: () => 0,
    outputSince: () => '',
    recover: async () => {},
  };
}
