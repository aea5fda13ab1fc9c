/**
 * The authoring API for a lesson's `checks.ts`.
 *
 * A lesson's checks are plain data plus, where data is not enough, a `run` function. The
 * build (and the CLI) compiles `checks.ts` to one self-contained ES module; the check runner
 * executes it inside the runtime (agent) or, for `sql` lessons, in the page's SQL worker.
 * Nothing here may import Node or DOM APIs: this file and what it describes run in both.
 *
 * Five kinds of check, one per concern:
 *   - `steps`  HTTP steps against the learner's server (method, path, body → expectations,
 *              captures for later steps), in the spirit of Boot.dev.
 *   - `file`   the learner's source text contains / does not contain something.
 *   - `sql`    the learner's query result equals a reference query's result, on the visible
 *              dataset and on a hidden one (so a hard-coded answer fails).
 *   - `db`     assertions on the learner's SQLite file, opened with sql.js.
 *   - `run`    anything else, with the full `CheckContext`.
 */

export type * from './http-spec.ts';
/** Base64 that is fast on megabytes and decodes URL-safe text too (for multipart uploads, tokens, digests). */
export { base64ToBytes, bytesToBase64 } from '../shared/base64.ts';
import type { HttpRequestSpec, HttpResponse, HttpStep, UpstreamCall, UpstreamScript } from './http-spec.ts';

/** A query result for one statement: sql.js's `Database.exec` result with `values` named `rows` (see sql-database.ts). */
export interface QueryResult {
  columns: string[];
  rows: unknown[][];
}

/** The subset of a sql.js `Database` checks may use. */
export interface SqlDatabase {
  /** sql.js's `exec`: one result per statement that returned rows (statements with no rows are left out). */
  exec(sql: string, params?: unknown[]): QueryResult[];
  /**
   * Runs a script statement by statement, as the learner's Run does: one result per statement
   * that has result columns, also when it returns no rows. An SQL error throws an Error named
   * `SqlScriptError` with the `line` and `column` in `sql` it points at.
   */
  execScript(sql: string): QueryResult[];
  close(): void;
}

export type DatasetVariant = 'visible' | 'hidden';

/** The learner's server's clock, which checks may move (preloaded like the upstream fakes; reset for every check). */
export interface CheckClock {
  /** The time the learner's server sees now, in ms since the epoch. */
  now(): Promise<number>;
  /** Moves the server's clock forward by `ms` without waiting: `Date`, and timers that came due, fire. */
  advance(ms: number): Promise<void>;
}

/** How the learner's server ended after `signalServer`. */
export interface ServerExit {
  /** Whether it exited before the time limit. */
  exited: boolean;
  code: number | null;
  signal: string | null;
  /** Time from the signal to the exit (or to giving up). */
  afterMs: number;
}

/** The outcome of a command run in the learner's workspace (e.g. the learner's own tests). */
export interface CommandResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  durationMs: number;
}

/** Environment variables for the learner's server: a value sets it, `null` removes it. */
export type ServerEnv = Record<string, string | null>;

export interface CheckContext {
  /** Sends one HTTP request to the learner's server. Never throws for HTTP error statuses. */
  request(spec: HttpRequestSpec): Promise<HttpResponse>;
  /** Sends several requests at once (to expose races); results in the same order. */
  requestAll(specs: HttpRequestSpec[]): Promise<HttpResponse[]>;
  /** A learner file's text, or `undefined` when it does not exist. */
  readFile(path: string): Promise<string | undefined>;
  /** Opens a SQLite file from the learner's workspace (a copy: changes are not written back). */
  openDatabase(path: string): Promise<SqlDatabase>;
  /**
   * `sql` lessons: a fresh copy of the lesson's dataset (visible or hidden variant), with
   * `setup` SQL run on it first if given, and the learner's SQL file executed on it
   * statement by statement; `result` is the last statement with result columns (also when it
   * returns no rows), `undefined` when no statement returns any.
   */
  runLearnerSql(file: string, variant: DatasetVariant, options?: { setup?: string }): Promise<{ db: SqlDatabase; result: QueryResult | undefined }>;
  /** `sql` lessons: a fresh copy of the lesson's dataset. */
  openDataset(variant: DatasetVariant): Promise<SqlDatabase>;
  /** Replaces the upstream script for the rest of this check (restarts the server if needed). */
  setUpstream(script: UpstreamScript): Promise<void>;
  /** The calls the learner's server made to faked upstreams since this check started. */
  upstreamCalls(): Promise<UpstreamCall[]>;
  /** Restarts the learner's server (with these environment variables, if given) and waits until it listens again. */
  restartServer(options?: { env?: ServerEnv }): Promise<void>;
  /** Sends a signal to the learner's server and waits (default 5 s) for it to exit. */
  signalServer(signal: 'SIGTERM' | 'SIGINT' | 'SIGHUP', options?: { timeoutMs?: number }): Promise<ServerExit>;
  /** The learner's server's clock: expiry, windows and TTLs are graded by moving it. */
  clock: CheckClock;
  /** The learner's server output captured since this check started. */
  serverOutput(): string;
  /** The same, as complete lines (a last line without its newline included). */
  serverLines(): string[];
  /** Runs `command args` in the learner's workspace (`node --test` and the like); never throws for a non-zero exit. */
  runCommand(command: string, args: string[], options?: { timeoutMs?: number; env?: Record<string, string> }): Promise<CommandResult>;
  /** Ends the check as failed: the learner's code is wrong. `message` says what to do next. */
  fail(message: string, detail?: { expected?: unknown; actual?: unknown }): never;
  /** Fails with `message` unless `actual` deep-equals `expected`. */
  expectEqual(actual: unknown, expected: unknown, message: string): void;
  /**
   * Fails with `message` unless `condition` holds. Not an `asserts` signature on purpose:
   * TypeScript only allows assertion calls through explicitly typed names, which would
   * forbid `t.expectTrue(…)` inside the usual `(db, t) => …` callbacks.
   */
  expectTrue(condition: unknown, message: string, detail?: { expected?: unknown; actual?: unknown }): void;
}

export interface CheckBase {
  /** Stable, kebab-case, unique in the lesson: progress and results are keyed by it. */
  id: string;
  /** What the learner must make true, as a sentence: "GET /health answers 200". */
  title: string;
  /** Shown only on request, after a failure. Lessons in assessment mode hide it. */
  hint?: string;
  /** Default 5000 ms. An infinite loop costs this one check; the rest still run. */
  timeoutMs?: number;
  /** Upstream fakes active while this check runs (overrides the lesson's default). */
  upstream?: UpstreamScript;
  /**
   * Start this check on a freshly started server (in-memory state gone). By default checks
   * share the server that Check started, in order; see "Server state across checks" in
   * lessons/README.md.
   */
  freshServer?: boolean;
  /** Environment variables for the learner's server during this check (implies a fresh server; the next check gets the default again). */
  env?: ServerEnv;
  /**
   * Assessments (the blueprint): the id of the lesson whose skill this check grades, e.g.
   * `apis/validation`. Required in `mode: assessment`; `lessons:verify` checks that every lesson
   * of the track is graded by at least one check.
   */
  skill?: string;
  /** Assessments: how much this check counts towards the score (default 1). */
  weight?: number;
}

export interface HttpCheck extends CheckBase {
  steps: HttpStep[];
}

export interface FileCheck extends CheckBase {
  file: {
    path: string;
    contains?: (string | RegExp)[];
    notContains?: (string | RegExp)[];
    /** What to tell the learner when the file does not match. */
    message: string;
    /**
     * Also blank string contents before matching (JavaScript and SQL files). Comments are
     * always left out of JavaScript/TypeScript and SQL files, so a comment quoting the old bug
     * neither fails `notContains` nor satisfies `contains`.
     */
    maskStrings?: boolean;
  };
}

export interface SqlCheck extends CheckBase {
  sql: {
    /** The learner's SQL file, e.g. `query.sql`. */
    file: string;
    /** The reference answer. Rows are compared unordered unless it has a top-level ORDER BY. */
    reference: string;
    /** Force ordered or unordered comparison instead of inferring it from ORDER BY. */
    ordered?: boolean;
    /** Compare column names too (default true; names are compared case-insensitively). */
    columnNames?: boolean;
    /** SQL run on each dataset copy before both queries: plant ties, boundary rows, NULLs for this check. */
    setup?: string;
  };
}

export interface DbCheck extends CheckBase {
  db: {
    /** SQLite file in the learner's workspace. */
    path: string;
    /** Run before `assert` (e.g. to create rows through the API first). */
    before?: HttpStep[];
    assert: (db: SqlDatabase, t: CheckContext) => void | Promise<void>;
  };
}

export interface CustomCheck extends CheckBase {
  run: (t: CheckContext) => void | Promise<void>;
}

export type Check = HttpCheck | FileCheck | SqlCheck | DbCheck | CustomCheck;

export interface LessonChecks {
  /** Upstream fakes active while the learner works and during checks, unless a check overrides them. */
  upstream?: UpstreamScript;
  checks: Check[];
}

/** Identity at run time; exists so `checks.ts` is type-checked against this API. */
export function defineChecks(checks: LessonChecks): LessonChecks {
  return checks;
}
