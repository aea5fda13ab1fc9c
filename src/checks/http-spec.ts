/**
 * The HTTP side of the check API: how a check describes a request to the learner's server, what
 * it expects back, what it captures for later steps, and the third-party answers (MSW) it
 * scripts. Part of the authoring API that `define.ts` re-exports; isomorphic, no Node or DOM.
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
  /** Sent as `multipart/form-data` (file uploads): field name → a value, a file, or several. */
  multipart?: Record<string, MultipartPart | MultipartPart[]>;
}

/** One part of a multipart body: a plain text field, or a file with its bytes as text or base64. */
export type MultipartPart = string | { filename: string; contentType?: string; text?: string; base64?: string };

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
  /** The whole body text equals this (usually a capture: `'{{first}}'`, to compare two responses). */
  bodyEquals?: string;
}

/**
 * Where to take a captured value from. `json` keeps the value as it is (any JSON type), the
 * others capture text. A captured value is usable in later requests *and* in later `expect`s:
 * `headers: { etag: '{{etag}}' }`, `json: [{ path: 'id', equals: '{{id}}' }]` (a string that is
 * exactly `{{name}}` compares against the captured value itself), `bodyEquals: '{{first}}'`.
 */
export type CaptureSource = { json: string } | { header: string } | { cookie: string } | { status: true } | { body: true };

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
  /**
   * When the server made the call, in milliseconds on its own monotonic clock
   * (`performance.now()`, which the checks' moved clock leaves alone): the gap between two calls
   * is the server's wait between them, without the time the check's request spent getting
   * there and back on a busy machine.
   */
  atMs: number;
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
