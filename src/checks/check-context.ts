/**
 * Builds the `CheckContext` one check sees: the environment's powers plus the assertion
 * helpers, with every database it opens tracked so the runner can close them afterwards.
 */
import type { CheckContext, DatasetVariant, HttpRequestSpec, QueryResult, SqlDatabase, UpstreamScript } from './define.ts';
import type { CheckEnvironment } from './environment.ts';
import { CheckFailure } from './check-failure.ts';
import { deepEqual } from './deep-equal.ts';
import { explainSqlError } from './sql-error-position.ts';
import { isSqlScriptError, lastResult, runSetup } from './sql-script.ts';

const REQUEST_GRACE_MS = 500;
const REPORT_MARGIN_MS = 250;
const DEFAULT_SIGNAL_WAIT_MS = 5000;

export interface CheckScope {
  context: CheckContext;
  /** Closes every database the check opened. */
  close(): void;
}

export interface CheckScopeOptions {
  env: CheckEnvironment;
  /** When the check's time runs out (ms since the epoch, from Date.now()). */
  deadline: number;
  outputMark: number;
  upstreamCallsBefore: number;
  setUpstream(script: UpstreamScript): Promise<void>;
}

export function createCheckScope({ env, deadline, outputMark, upstreamCallsBefore, setUpstream }: CheckScopeOptions): CheckScope {
  const opened: SqlDatabase[] = [];
  const track = (db: SqlDatabase): SqlDatabase => {
    opened.push(db);
    return db;
  };
  // A request may outlive the check by a little, so the check's own time limit always fires
  // first: a timeout (and the server restart that follows it) rather than a failed request.
  const remaining = (): number => Math.max(1, deadline - Date.now()) + REQUEST_GRACE_MS;
  // Waits the check asks for end a little before its own time limit, so it can still report
  // what it saw ("your server did not exit") instead of timing out.
  const withinCheck = (wanted: number): number => Math.max(1, Math.min(wanted, deadline - Date.now() - REPORT_MARGIN_MS));
  const readText = async (path: string): Promise<string | undefined> => {
    const bytes = await env.readFile(path);
    return bytes && new TextDecoder().decode(bytes);
  };

  const context: CheckContext = {
    request: (spec: HttpRequestSpec) => env.request(spec, remaining()),
    requestAll: (specs: HttpRequestSpec[]) => Promise.all(specs.map((spec) => env.request(spec, remaining()))),
    readFile: readText,
    async openDatabase(path) {
      const bytes = await env.readFile(path);
      if (!bytes) throw new CheckFailure(`The database file ${path} does not exist yet. Make your code save the database to ${path}.`);
      return track(await env.openDatabase(bytes));
    },
    async openDataset(variant: DatasetVariant) {
      return track(await env.openDatabase(await env.datasetBytes(variant)));
    },
    async runLearnerSql(file: string, variant: DatasetVariant, options: { setup?: string } = {}) {
      const sql = await readText(file);
      if (sql === undefined) throw new CheckFailure(`${file} does not exist. Write your query in ${file}.`);
      if (sql.trim() === '') throw new CheckFailure(`${file} is empty. Write your query in it.`);
      const db = track(await env.openDatabase(await env.datasetBytes(variant)));
      if (options.setup !== undefined) runSetup(db, options.setup);
      let results: QueryResult[];
      try {
        results = db.execScript(sql);
      } catch (error) {
        if (!isSqlScriptError(error)) throw error;
        throw new CheckFailure(explainSqlError(file, sql, error.message, error));
      }
      return { db, result: lastResult(results) };
    },
    setUpstream,
    async upstreamCalls() {
      return (await env.upstreamCalls()).slice(upstreamCallsBefore);
    },
    restartServer: (options) => env.restartServer(options),
    signalServer: (signal, options = {}) => env.signalServer(signal, withinCheck(options.timeoutMs ?? DEFAULT_SIGNAL_WAIT_MS)),
    clock: {
      now: () => env.clockNow(),
      async advance(ms: number) {
        if (!Number.isFinite(ms) || ms < 0) throw new Error(`clock.advance(${String(ms)}): give a number of milliseconds ≥ 0 (the clock only moves forward)`);
        await env.advanceClock(ms);
      },
    },
    serverOutput: () => env.outputSince(outputMark),
    serverLines: () => splitLines(env.outputSince(outputMark)),
    runCommand: (command, args, options = {}) =>
      env.runCommand(command, args, { ...options, timeoutMs: withinCheck(options.timeoutMs ?? Number.POSITIVE_INFINITY) }),
    fail(message, detail) {
      throw new CheckFailure(message, detail);
    },
    expectEqual(actual, expected, message) {
      if (!deepEqual(actual, expected)) throw new CheckFailure(message, { expected, actual });
    },
    expectTrue(condition, message, detail) {
      if (!condition) throw new CheckFailure(message, detail);
    },
  };

  return {
    context,
    close() {
      for (const db of opened.splice(0)) {
        try {
          db.close();
        } catch {
          // Already closed by the check itself: nothing left to release.
        }
      }
    },
  };
}

/** Output as lines: a last line without its newline counts, the empty string after a final newline does not. */
function splitLines(output: string): string[] {
  if (output === '') return [];
  const lines = output.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
