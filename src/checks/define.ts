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

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/**
 * Strings in a request may contain `{{name}}`: it is replaced by the value captured under
 * that name by an earlier step of the same check.
 */
export interface HttpRequestSpec {
  method?: HttpMethod;
  /** Path on the learner's server, with query string if any: `/users/{{id}}?limit=2`. */
  path: string;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean>;
  /** Sent as `application/json`. */
  json?: unknown;
  /** Sent as `application/x-www-form-urlencoded`. */
  form?: Record<string, string>;
  /** Sent as is (set your own content-type header). */
  body?: string;
}

export type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';

/** One expectation on the JSON response body. `path` is dotted: `items.0.name`; `''` is the root. */
export interface JsonExpectation {
  path: string;
  /** Deep equality by value. */
  equals?: unknown;
  /** Arrays: contains an element deep-equal to this. Strings: contains this substring. Objects: has these keys with these values. */
  contains?: unknown;
  /** The value, as a string, matches this regular expression. */
  matches?: RegExp;
  type?: JsonType;
  /** `true`: the path must exist; `false`: it must not. */
  exists?: boolean;
  /** Array length. */
  length?: number;
}

export interface HttpExpectation {
  status?: number | number[];
  /** Header name (any case) → exact value, a pattern, or `null` for "must be absent". */
  headers?: Record<string, string | RegExp | null>;
  json?: JsonExpectation[];
  bodyContains?: string[];
  bodyNotContains?: string[];
}

/** Where to take a captured value from. */
export type CaptureSource = { json: string } | { header: string } | { cookie: string };

export interface HttpStep {
  /** Shown in messages: "Step 'log in': expected status 200…". Defaults to `METHOD path`. */
  name?: string;
  request: HttpRequestSpec;
  expect?: HttpExpectation;
  /** Values to remember for later steps: `{ token: { json: 'token' } }` → `{{token}}`. */
  capture?: Record<string, CaptureSource>;
  /**
   * What to tell the learner when this step fails, in front of the precise mismatch.
   * Write it as the next thing to do: "Answer POST /users with 201 and the created user."
   */
  message?: string;
}

/**
 * A scripted answer from a third-party API the learner's server calls. The agent preloads
 * MSW into the learner's server process (`node --import`), so `fetch` to these URLs never
 * leaves the machine.
 */
export type UpstreamResponse =
  | { status?: number; json: unknown; headers?: Record<string, string>; delayMs?: number }
  | { status?: number; body: string; headers?: Record<string, string>; delayMs?: number }
  /** The connection fails (fetch rejects with a TypeError). */
  | { networkError: true; delayMs?: number }
  /** Never answers: lets a check prove the learner set a timeout. */
  | { hang: true };

/**
 * Key: `METHOD absolute-url` (`GET https://api.weather.test/v1/now`); a trailing `*` matches
 * any suffix. Value: one response for every call, or a sequence (call n gets element n; the
 * last element repeats) — e.g. `[{ status: 500, json: {} }, { json: { ok: true } }]` to test
 * a retry.
 */
export type UpstreamScript = Record<string, UpstreamResponse | UpstreamResponse[]>;

/** One call the learner's server made to a faked upstream, as recorded by the preload. */
export interface UpstreamCall {
  method: string;
  url: string;
  body?: string;
  headers: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names. `set-cookie` values are joined with `\n`. */
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  json: unknown;
  durationMs: number;
}

/** A query result for one statement: sql.js's `Database.exec` result with `values` named `rows` (see sql-database.ts). */
export interface QueryResult {
  columns: string[];
  rows: unknown[][];
}

/** The subset of a sql.js `Database` checks may use. */
export interface SqlDatabase {
  exec(sql: string, params?: unknown[]): QueryResult[];
  close(): void;
}

export type DatasetVariant = 'visible' | 'hidden';

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
   * `sql` lessons: a fresh copy of the lesson's dataset (visible or hidden variant) with the
   * learner's SQL file executed on it; `result` is the last statement's result.
   */
  runLearnerSql(file: string, variant: DatasetVariant): Promise<{ db: SqlDatabase; result: QueryResult | undefined }>;
  /** `sql` lessons: a fresh copy of the lesson's dataset. */
  openDataset(variant: DatasetVariant): Promise<SqlDatabase>;
  /** Replaces the upstream script for the rest of this check (restarts the server if needed). */
  setUpstream(script: UpstreamScript): Promise<void>;
  /** The calls the learner's server made to faked upstreams since this check started. */
  upstreamCalls(): Promise<UpstreamCall[]>;
  /** Restarts the learner's server and waits until it listens again. */
  restartServer(): Promise<void>;
  /** The learner's server output captured since this check started. */
  serverOutput(): string;
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
