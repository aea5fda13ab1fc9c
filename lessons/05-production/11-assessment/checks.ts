/**
 * The production assessment: an orders service that applies every lesson of the track at
 * once. Each check grades one skill (`skill`, `weight`) and sets up what it needs itself —
 * its own product ids, idempotency keys and upstream script, a fresh server where in-memory
 * state or a shutdown matters — so one mistake fails one check. Time is moved with the clock
 * rather than waited for: cache TTLs, key expiry, readiness and retry waits are graded that way
 * (the only real pauses are short ones that let a retry timer be armed, or show up, and each
 * leaves hundreds of milliseconds to spare on both sides).
 */
import { defineChecks, type CheckContext, type CommandResult, type HttpRequestSpec, type HttpResponse, type ServerExit, type UpstreamCall, type UpstreamResponse } from '../../../src/checks/define.ts';
import { CheckFailure } from '../../../src/checks/check-failure.ts';
import { describe, inFlight, pollUntil, send, sleep, uniqueName, type Outcome } from '../../_support/checks.ts';

const CATALOG = 'https://catalog.test';
const RESERVATIONS = 'https://warehouse.test/reservations';
const CATALOG_KEY = 'ck_checks_5f0b2e9d7a41c63e8d1f4a2b';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STRONG_ETAG = /^"[\x21\x23-\x7e\x80-\xff]*"$/;
const NO_CACHE = /(^|,)\s*no-cache\s*(,|$)/i;
const MIB = 1024 * 1024;
/** How long an upstream call or a log line may take to show up after what caused it. */
const SHOW_UP_MS = 3000;
/**
 * A failed catalog call is recorded when it is made; the server arms its retry timer a moment
 * later, once the answer is in. The clock only moves timers that exist, so the checks give it
 * this long before moving the clock. (A retry that is due anyway still comes in real time.)
 */
const ARM_MS = 150;
/** After a clock move, how long to watch for a retry that must not happen yet. */
const QUIET_MS = 150;

interface Product {
  id: number;
  name: string;
  priceCents: number;
}
const product = (id: number, name: string, priceCents: number): UpstreamResponse => ({ json: { id, name, priceCents } satisfies Product });
const productUrl = (id: number) => `${CATALOG}/products/${id}`;

// ---------------------------------------------------------------------------------------------
// Upstream calls, requests in flight, and the clock

const catalogReads = (calls: UpstreamCall[], id: number) => calls.filter((call) => call.method === 'GET' && call.url === productUrl(id));
const reservations = (calls: UpstreamCall[]) => calls.filter((call) => call.method === 'POST' && call.url === RESERVATIONS);

/** Waits (in real time) until `count(calls)` reaches `n`; returns the last count seen. */
function callsReach(t: CheckContext, count: (calls: UpstreamCall[]) => number, n: number, withinMs = SHOW_UP_MS): Promise<number> {
  return pollUntil(async () => count(await t.upstreamCalls()), (seen) => seen >= n, withinMs, 40);
}

/** The outcome of a request in flight, or a failure with `message` if none arrives within `withinMs`. */
async function settle(t: CheckContext, outcome: Promise<Outcome>, withinMs: number, message: string): Promise<HttpResponse> {
  const late = sleep(withinMs).then(() => 'late' as const);
  const result = await Promise.race([outcome, late]);
  if (result === 'late') return t.fail(message, { expected: `an answer within ${withinMs / 1000} s`, actual: 'no answer yet' });
  if ('error' in result) return t.fail(`The request got no answer (${result.error}). If the server crashed, the output panel shows the last error.`);
  return result.res;
}

/**
 * Starts reading a product whose catalog answers are scripted to fail, and resolves once the
 * first catalog call was made — with the read's outcome still to come (wrapped: an async
 * function would otherwise wait for it), so the check can move the clock through the retries.
 */
async function firstCatalogCall(t: CheckContext, id: number): Promise<{ outcome: Promise<Outcome> }> {
  const outcome = inFlight(t, { path: `/products/${id}` });
  const first = await callsReach(t, (calls) => catalogReads(calls, id).length, 1);
  if (first < 1) throw new CheckFailure(`GET /products/${id} never called the catalog (GET ${productUrl(id)}).`, { kind: 'setup' });
  return { outcome };
}

// ---------------------------------------------------------------------------------------------
// Orders, keys, logs, uploads

/** An Idempotency-Key no earlier run used (the server may live through several Checks). */
const freshKey = (prefix: string) => uniqueName(prefix);

function postOrder(t: CheckContext, key: string | undefined, productId: number, quantity: number): Promise<HttpResponse> {
  return send(t, { method: 'POST', path: '/orders', headers: key === undefined ? {} : { 'idempotency-key': key }, json: { productId, quantity } });
}

/** The number of orders GET /orders lists (setup: fails the check as "could not test" when it cannot). */
async function orderCount(t: CheckContext): Promise<number> {
  const res = await send(t, { path: '/orders' });
  if (res.status !== 200 || !Array.isArray(res.json)) {
    throw new CheckFailure('this check counts the orders first: GET /orders must answer 200 with a JSON array.', { actual: describe(res), kind: 'setup' });
  }
  return res.json.length;
}

type LogLine = Record<string, unknown>;

function parseLine(line: string): LogLine | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as LogLine) : undefined;
  } catch {
    return undefined;
  }
}

const printed = (t: CheckContext) => t.serverLines().filter((line) => line.trim() !== '');

/** The JSON lines carrying `requestId === id`, once one with a `status` is there (or the wait is over). */
async function logLinesFor(t: CheckContext, id: string): Promise<LogLine[]> {
  const find = () => printed(t).map(parseLine).filter((line): line is LogLine => line?.requestId === id);
  const deadline = Date.now() + SHOW_UP_MS;
  while (Date.now() < deadline && !find().some((line) => 'status' in line)) await sleep(50);
  // A second line for the same request may follow the first closely.
  await sleep(200);
  return find();
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** A request id no other request of this run uses, made of safe characters, `length` long. */
const freshRequestId = (prefix: string, length: number) => `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`.padEnd(length, 'x');

/** A PDF the checks can compare as text: its bytes are all ASCII. */
const pdfText = (note: string, size?: number) => {
  const text = `%PDF-1.7\n% ${note}\n%%EOF\n`;
  return size === undefined ? text : `${text}${'.'.repeat(size - text.length)}`;
};
/** The 8-byte PNG signature and the start of an IHDR chunk. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ';

function upload(t: CheckContext, filename: string, contentType: string, file: { text: string } | { base64: string }): Promise<HttpResponse> {
  return send(t, { method: 'POST', path: '/attachments', multipart: { file: { filename, contentType, ...file } } });
}

const field = (res: HttpResponse, name: string): unknown => (typeof res.json === 'object' && res.json !== null ? (res.json as Record<string, unknown>)[name] : undefined);

// ---------------------------------------------------------------------------------------------
// Start-up refusals and shutdown

/** `node server.js` on its own, as a supervisor starts it; a server that does start is stopped after 10 s. */
function startAlone(t: CheckContext, env: Record<string, string>): Promise<CommandResult> {
  return t.runCommand('node', ['server.js'], { env: { PORT: '0', ...env }, timeoutMs: 10_000 });
}

async function expectRefusal(t: CheckContext, env: Record<string, string>, shown: string): Promise<void> {
  const result = await startAlone(t, env);
  const output = `stdout:\n${result.stdout || '(nothing)'}\nstderr:\n${result.stderr || '(nothing)'}`;
  if (result.timedOut) {
    t.fail(`With ${shown} your server started anyway. In production there is no key to fall back on: check CATALOG_API_KEY before listening, print what is missing with console.error and exit with process.exit(1).`, { actual: output });
  }
  t.expectTrue(result.code !== 0 && /\bCATALOG_API_KEY\b/.test(result.stderr), `With ${shown} your server must stop with a non-zero exit code and a message on stderr naming CATALOG_API_KEY: supervisors read both.`, {
    expected: 'exit code 1 (any but 0), stderr mentions CATALOG_API_KEY',
    actual: `exit code ${result.code}\n${output}`,
  });
}

function describeExit(exit: ServerExit): string {
  if (!exit.exited) return `still running ${exit.afterMs} ms after SIGTERM`;
  return exit.signal !== null ? `killed by ${exit.signal} after ${exit.afterMs} ms (no SIGTERM handler)` : `exited with code ${exit.code} after ${exit.afterMs} ms`;
}

// ---------------------------------------------------------------------------------------------
// The OpenAPI document

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** `/products/{productId}` → `/products/{}`: parameter names are the author's choice. */
const template = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

/** Every operation this service has, with the statuses the lesson's table gives it. */
const OPERATIONS: Record<string, string[]> = {
  'GET /products/{}': ['200', '404', '502'],
  'PUT /products/{}': ['200', '502'],
  'GET /orders': ['200', '304'],
  'POST /orders': ['201', '400', '422', '502'],
  'POST /attachments': ['201', '400', '413', '415'],
  'GET /attachments/{}': ['200', '404'],
  'GET /healthz': ['200'],
  'GET /readyz': ['200', '503'],
};
/** Operations the server has that the document may leave out or include. */
const OPTIONAL_OPERATIONS = new Set(['GET /openapi.json', 'GET /reports/export', 'GET /reports/returns']);

/** A local `$ref` (`#/components/…`) resolved in `doc`, or the value itself. */
function resolveRef(doc: Json, value: unknown): unknown {
  if (!isObject(value) || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/')) return value;
  return value.$ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (isObject(node) ? node[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), doc);
}

/** What OpenAPI 3.1 requires of the document's structure, as a list of problems (empty: none). */
function documentProblems(doc: Json): string[] {
  const problems: string[] = [];
  if (typeof doc.openapi !== 'string' || !/^3\.1\.\d+$/.test(doc.openapi)) problems.push(`"openapi" must be "3.1.0" (or another 3.1.x), not ${JSON.stringify(doc.openapi)}`);
  const info = doc.info;
  if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string') problems.push('"info" needs a "title" and a "version" (strings)');
  if (!isObject(doc.paths)) return [...problems, '"paths" must be an object'];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/') || !isObject(item)) {
      problems.push(`paths: "${path}" must start with / and hold an object`);
      continue;
    }
    for (const method of METHODS.filter((name) => name in item)) {
      const operation = item[method];
      const where = `${method.toUpperCase()} ${path}`;
      if (!isObject(operation) || !isObject(operation.responses) || Object.keys(operation.responses).length === 0) {
        problems.push(`${where} needs "responses" with at least one status`);
        continue;
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!/^([1-5](\d\d|XX)|default)$/.test(status)) problems.push(`${where}: "${status}" is not a status code`);
        const resolved = resolveRef(doc, response);
        if (!isObject(resolved) || typeof resolved.description !== 'string') problems.push(`${where}: response ${status} needs a "description" (required in OpenAPI)`);
      }
      const parameters = [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(operation.parameters) ? operation.parameters : [])].map((p) => resolveRef(doc, p));
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        const declared = parameters.some((p) => isObject(p) && p.name === name && p.in === 'path' && p.required === true);
        if (!declared) problems.push(`${where}: the path parameter "${name}" must be declared in "parameters" with "in": "path" and "required": true`);
      }
    }
  }
  return problems;
}

/** Documented operations (`GET /orders`) → their documented statuses. */
function documentedOperations(doc: Json): Map<string, string[]> {
  const found = new Map<string, string[]>();
  if (!isObject(doc.paths)) return found;
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS.filter((name) => isObject(item[name]))) {
      const responses = (item[method] as Json).responses;
      found.set(`${method.toUpperCase()} ${template(path)}`, isObject(responses) ? Object.keys(responses) : []);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------

export default defineChecks({
  upstream: {
    [`GET ${CATALOG}/products/*`]: product(1, 'Teapot', 2500),
    [`PUT ${CATALOG}/products/*`]: product(1, 'Teapot', 2500),
    [`POST ${RESERVATIONS}`]: { status: 201, json: { reservationId: 'res-1' } },
  },
  checks: [
    {
      id: 'catalog-key-required-in-production',
      title: 'In production the server refuses to start without CATALOG_API_KEY, and sends the key it is given to the catalog',
      skill: 'production/configuration',
      weight: 2,
      env: { NODE_ENV: 'production', CATALOG_API_KEY: CATALOG_KEY },
      timeoutMs: 45_000,
      run: async (t) => {
        const res = await send(t, { path: '/products/11' });
        t.expectTrue(res.status === 200, 'Started in production with CATALOG_API_KEY set, GET /products/11 must answer 200 with the catalog\'s product.', { actual: describe(res) });
        const calls = catalogReads(await t.upstreamCalls(), 11);
        t.expectTrue(calls.length > 0 && calls.every((call) => call.headers.authorization === `Bearer ${CATALOG_KEY}`), 'Send the key from CATALOG_API_KEY to the catalog as "Authorization: Bearer <key>" — the one in the environment, not one written in the code.', {
          expected: `authorization: Bearer ${CATALOG_KEY}`,
          actual: calls.map((call) => call.headers.authorization ?? '(no authorization header)').join('\n') || '(no catalog call)',
        });
        await expectRefusal(t, { NODE_ENV: 'production' }, 'NODE_ENV=production and no CATALOG_API_KEY');
        await expectRefusal(t, { NODE_ENV: 'production', CATALOG_API_KEY: '' }, 'NODE_ENV=production and CATALOG_API_KEY= (empty)');
      },
    },
    {
      id: 'request-log-lines',
      title: 'Every request prints one JSON line (requestId, method, path, status, durationMs) and answers its id in X-Request-Id',
      skill: 'production/structured-logs',
      weight: 2,
      timeoutMs: 20_000,
      run: async (t) => {
        const id = freshRequestId('keep.me_', 64);
        const res = await send(t, { path: '/orders?from=checks', headers: { 'x-request-id': id } });
        t.expectEqual(res.headers['x-request-id'], id, 'Keep an incoming X-Request-Id of 1 to 64 letters, digits, ".", "_" or "-" and send it back in the X-Request-Id header.');
        const lines = (await logLinesFor(t, id)).filter((line) => 'status' in line);
        t.expectTrue(lines.length === 1, `GET /orders with X-Request-Id ${id} must print exactly one JSON line with "requestId": "${id}" and a "status", when the response finishes.`, {
          actual: printed(t).join('\n') || '(no output)',
        });
        const [line] = lines as [LogLine];
        t.expectTrue(line.method === 'GET' && line.path === '/orders' && line.status === 200 && typeof line.durationMs === 'number' && line.durationMs >= 0, 'The line must say "method": "GET", "path": "/orders" (without the query string; read req.path when the request arrives, since inside a Router it is relative to the mount point), "status": 200 and "durationMs" as a number of milliseconds.', {
          actual: JSON.stringify(line),
        });
        for (const [incoming, what] of [
          [undefined, 'without X-Request-Id'],
          [freshRequestId('long', 65), 'with a 65-character X-Request-Id'],
        ] as const) {
          const other = await send(t, { path: '/orders', headers: incoming === undefined ? {} : { 'x-request-id': incoming } });
          const made = other.headers['x-request-id'];
          t.expectTrue(made !== undefined && UUID.test(made), `A request ${what} must get a new UUID (randomUUID()) in X-Request-Id.`, { actual: made ?? '(no X-Request-Id header)' });
          const logged = (await logLinesFor(t, made as string)).filter((entry) => 'status' in entry);
          t.expectTrue(logged.length === 1, `Log the request ${what} under the id you made (${made}).`, { actual: printed(t).join('\n') });
        }
      },
    },
    {
      id: 'error-logged-with-stack',
      title: 'A failing request answers a plain 500 and logs its error as JSON with the stack and the request id',
      skill: 'production/structured-logs',
      weight: 1,
      timeoutMs: 10_000,
      run: async (t) => {
        const id = freshRequestId('boom', 24);
        const res = await send(t, { path: '/reports/returns', headers: { 'x-request-id': id } });
        t.expectTrue(res.status === 500 && !res.text.includes('    at '), 'GET /reports/returns must answer 500 without the stack trace in the response.', { actual: describe(res) });
        const lines = await logLinesFor(t, id);
        const withStack = lines.some((line) => strings(line).some((text) => text.includes('returns storage is offline') && /\n\s+at /.test(text)));
        t.expectTrue(withStack, 'Log the error in the error handler as one JSON line with the request id and error.stack (message and "at file:line" frames).', {
          expected: `{"requestId": "${id}", "stack": "Error: returns storage is offline\\n    at …", …}`,
          actual: printed(t).join('\n') || '(no output)',
        });
      },
    },
    {
      id: 'health-and-readiness',
      title: 'GET /healthz answers 200 at once; GET /readyz answers 503 until the database is connected, then 200',
      skill: 'production/health-and-shutdown',
      weight: 1,
      freshServer: true,
      timeoutMs: 10_000,
      run: async (t) => {
        const live = await send(t, { path: '/healthz' });
        t.expectTrue(live.status === 200 && field(live, 'status') === 'ok', 'GET /healthz must answer 200 { "status": "ok" } as long as the process runs — without asking the database, which is still connecting.', { actual: describe(live) });
        const early = await send(t, { path: '/readyz' });
        t.expectTrue(early.status === 503, 'While the database is connecting, GET /readyz must answer 503 { "status": "not ready" }: await db.ping() and catch its error.', { actual: describe(early) });
        await t.clock.advance(15_000);
        const ready = await send(t, { path: '/readyz' });
        t.expectTrue(ready.status === 200 && field(ready, 'status') === 'ready', 'Once the database is connected (15 s after start), GET /readyz must answer 200 { "status": "ready" }: ask db.ping() on every request.', { actual: describe(ready) });
      },
    },
    {
      id: 'graceful-shutdown',
      title: 'On SIGTERM the request in flight still gets its answer, the database is closed, and the server exits with code 0',
      skill: 'production/health-and-shutdown',
      weight: 2,
      freshServer: true,
      timeoutMs: 30_000,
      run: async (t) => {
        try {
          const exporting = inFlight(t, { path: '/reports/export' });
          const deadline = Date.now() + 5000;
          while (!t.serverLines().some((line) => line.includes('export started'))) {
            if (Date.now() > deadline) throw new CheckFailure('GET /reports/export never printed "export started": keep the route as the starter has it.', { kind: 'setup' });
            await sleep(25);
          }
          const exit = await t.signalServer('SIGTERM', { timeoutMs: 12_000 });
          const outcome = await exporting;
          if ('error' in outcome) {
            return t.fail('The GET /reports/export in flight when SIGTERM arrived got no answer. On SIGTERM call server.close(callback) and exit only in its callback, once the requests in flight are done.', { actual: `${outcome.error}\nserver: ${describeExit(exit)}` });
          }
          t.expectTrue(outcome.res.status === 200, 'The GET /reports/export in flight when SIGTERM arrived must still answer 200.', { actual: describe(outcome.res) });
          t.expectTrue(exit.exited && exit.signal === null && exit.code === 0, 'After the requests in flight, exit with code 0: a requested stop that went well is not a crash.', { expected: 'exited with code 0', actual: describeExit(exit) });
          t.expectTrue(t.serverLines().some((line) => line.includes('database closed')), 'Close the database (await db.close()) before process.exit(0).', { actual: t.serverOutput() || '(no output)' });
        } finally {
          await t.restartServer().catch(() => undefined);
        }
      },
    },
    {
      id: 'orders-etag',
      title: 'GET /orders sends Cache-Control: no-cache and a strong ETag; a matching If-None-Match gets 304 with no body, a stale one 200',
      skill: 'production/http-caching',
      weight: 2,
      timeoutMs: 10_000,
      run: async (t) => {
        const first = await send(t, { path: '/orders' });
        const etag = first.headers.etag;
        t.expectTrue(first.status === 200 && NO_CACHE.test(first.headers['cache-control'] ?? '') && etag !== undefined && STRONG_ETAG.test(etag), 'GET /orders must answer 200 with Cache-Control: no-cache and a strong ETag ("…" in quotes, no W/), computed from the body.', {
          actual: `${describe(first)}\nCache-Control: ${first.headers['cache-control'] ?? '(none)'}\nETag: ${etag ?? '(none)'}`,
        });
        const again = await send(t, { path: '/orders' });
        t.expectTrue(again.headers.etag === etag && again.text === first.text, 'Reading the unchanged orders twice must give the same ETag: derive it from the body, not from the time or a random value.', { expected: etag, actual: again.headers.etag ?? '(none)' });
        const conditional = { 'cache-control': 'no-cache', 'if-none-match': `"an-old-version", W/${etag as string}` };
        const notModified = await send(t, { path: '/orders', headers: conditional });
        t.expectTrue(notModified.status === 304 && notModified.text === '' && notModified.headers.etag === etag, 'If-None-Match may list several tags and mark one weak (W/"…"): when one of them, without W/, is the current ETag, answer 304 with no body and the ETag again.', {
          actual: `${describe(notModified)}\nETag: ${notModified.headers.etag ?? '(none)'}`,
        });
        const created = await postOrder(t, freshKey('etag'), 51, 1);
        if (created.status !== 201) throw new CheckFailure('this check creates an order to change the list: POST /orders with an Idempotency-Key must answer 201.', { actual: describe(created), kind: 'setup' });
        const stale = await send(t, { path: '/orders', headers: { 'cache-control': 'no-cache', 'if-none-match': etag as string } });
        t.expectTrue(stale.status === 200 && stale.headers.etag !== undefined && stale.headers.etag !== etag, 'After a new order the old ETag is stale: answer 200 with the new list and a new ETag.', {
          actual: `${describe(stale)}\nETag: ${stale.headers.etag ?? '(none)'}`,
        });
      },
    },
    {
      id: 'product-cache-ttl',
      title: 'GET /products/:id is served from the cache for 60 seconds, then read from the catalog again',
      skill: 'production/server-side-caching',
      weight: 2,
      timeoutMs: 10_000,
      upstream: { [`GET ${productUrl(21)}`]: product(21, 'Kettle', 3900) },
      run: async (t) => {
        const reads = async () => catalogReads(await t.upstreamCalls(), 21).length;
        const first = await send(t, { path: '/products/21' });
        t.expectTrue(first.status === 200 && field(first, 'priceCents') === 3900, 'GET /products/21 must answer 200 with the catalog\'s product.', { actual: describe(first) });
        await send(t, { path: '/products/21' });
        t.expectEqual(await reads(), 1, 'Reading product 21 twice called the catalog twice: keep the product (cache-aside) and answer the second read from the cache.');
        await t.clock.advance(59_000);
        await send(t, { path: '/products/21' });
        t.expectEqual(await reads(), 1, 'A product read 59 seconds ago is still fresh: answer from the cache (the TTL is 60 seconds, on Date.now()).');
        await t.clock.advance(2_000);
        const later = await send(t, { path: '/products/21' });
        t.expectTrue(later.status === 200 && (await reads()) === 2, 'A product read 61 seconds ago has expired: read it from the catalog again.', { actual: `${await reads()} catalog calls in all` });
      },
    },
    {
      id: 'cache-invalidation-and-failures',
      title: 'PUT /products/:id makes the next read return the new product, and a failed read is not cached',
      skill: 'production/server-side-caching',
      weight: 1,
      // A solution that wrongly retries the 500 waits up to 8 s in real time: that is the retry check's concern, not this one's.
      timeoutMs: 20_000,
      upstream: {
        [`GET ${productUrl(22)}`]: [product(22, 'Mug', 1200), product(22, 'Mug', 1500)],
        [`PUT ${productUrl(22)}`]: product(22, 'Mug', 1500),
        [`GET ${productUrl(23)}`]: { status: 500, json: { error: 'catalog bug' } },
      },
      run: async (t) => {
        const before = await send(t, { path: '/products/22' });
        t.expectTrue(field(before, 'priceCents') === 1200, 'GET /products/22 must answer the catalog\'s product.', { actual: describe(before) });
        const put = await send(t, { method: 'PUT', path: '/products/22', json: { name: 'Mug', priceCents: 1500 } });
        t.expectTrue(put.status === 200, 'PUT /products/22 must answer 200 with the catalog\'s answer.', { actual: describe(put) });
        const after = await send(t, { path: '/products/22' });
        t.expectTrue(field(after, 'priceCents') === 1500, 'After PUT /products/22 the cached product is out of date: remove it from the cache on the write, so the next read gets the new price.', { expected: 'priceCents 1500', actual: describe(after) });
        const failed = await send(t, { path: '/products/23' });
        t.expectTrue(failed.status === 502, 'When the catalog answers 500, GET /products/23 must answer 502.', { actual: describe(failed) });
        // The catalog has recovered (a new script, not a sequence: a read retried too eagerly must not see it early).
        await t.setUpstream({ [`GET ${productUrl(23)}`]: product(23, 'Saucer', 800) });
        const retried = await send(t, { path: '/products/23' });
        t.expectTrue(retried.status === 200 && field(retried, 'name') === 'Saucer', 'A failed read must not be cached: the next GET /products/23 asks the catalog again and answers its product.', { actual: describe(retried) });
      },
    },
    {
      id: 'idempotent-replay',
      title: 'POST /orders repeated with the same Idempotency-Key and body gets the same answer and creates nothing new',
      skill: 'production/idempotency-keys',
      weight: 2,
      timeoutMs: 10_000,
      run: async (t) => {
        const before = await orderCount(t);
        const key = freshKey('replay');
        const first = await postOrder(t, key, 31, 2);
        t.expectTrue(first.status === 201 && typeof field(first, 'id') === 'number', 'POST /orders with an Idempotency-Key must answer 201 with the new order.', { actual: describe(first) });
        const again = await postOrder(t, key, 31, 2);
        t.expectTrue(again.status === 201 && again.text === first.text, 'The same POST /orders with the same Idempotency-Key must get the remembered answer: the same status and the same body (the same order id).', {
          expected: `201 ${first.text}`,
          actual: describe(again),
        });
        t.expectEqual(reservations(await t.upstreamCalls()).length, 1, 'The repeated request reserved stock at the warehouse again: answer a remembered key before calling the warehouse.');
        t.expectEqual(await orderCount(t), before + 1, 'Two requests with one Idempotency-Key must create one order.');
      },
    },
    {
      id: 'idempotency-key-misuse',
      title: 'POST /orders needs an Idempotency-Key (400), refuses a key reused for another order (422), and does not remember failures',
      skill: 'production/idempotency-keys',
      weight: 1,
      // A solution that wrongly retries the warehouse's POST waits up to 8 s in real time: that is the retry check's concern, not this one's.
      timeoutMs: 20_000,
      upstream: { [`POST ${RESERVATIONS}`]: { status: 503, json: { error: 'busy' } } },
      run: async (t) => {
        const missing = await postOrder(t, undefined, 31, 1);
        t.expectTrue(missing.status === 400, 'POST /orders without an Idempotency-Key header must answer 400 { error }.', { actual: describe(missing) });
        const key = freshKey('misuse');
        const failed = await postOrder(t, key, 31, 1);
        t.expectTrue(failed.status === 502, 'When the warehouse answers 503, POST /orders must answer 502.', { actual: describe(failed) });
        await t.setUpstream({ [`POST ${RESERVATIONS}`]: { status: 201, json: { reservationId: 'res-2' } } });
        const retried = await postOrder(t, key, 31, 1);
        t.expectTrue(retried.status === 201, 'A request that failed created nothing, so its key must not be remembered: the client\'s retry with the same key must create the order (201).', { actual: describe(retried) });
        const before = await orderCount(t);
        const other = await postOrder(t, key, 31, 3);
        t.expectTrue(other.status === 422, 'The same Idempotency-Key with another quantity must answer 422 { error }: it is a different request.', { actual: describe(other) });
        t.expectEqual(await orderCount(t), before, 'A refused request must not create an order.');
      },
    },
    {
      id: 'idempotency-keys-expire',
      title: 'An Idempotency-Key is remembered for 24 hours, then forgotten',
      skill: 'production/idempotency-keys',
      weight: 1,
      timeoutMs: 10_000,
      run: async (t) => {
        const key = freshKey('expiry');
        const first = await postOrder(t, key, 32, 1);
        t.expectTrue(first.status === 201, 'POST /orders with a new Idempotency-Key must answer 201.', { actual: describe(first) });
        await t.clock.advance(24 * 3_600_000 - 60_000);
        const replay = await postOrder(t, key, 32, 1);
        t.expectTrue(replay.status === 201 && field(replay, 'id') === field(first, 'id'), 'A key used 23 h 59 min ago is still remembered: answer the same order again.', { expected: `201 ${first.text}`, actual: describe(replay) });
        await t.clock.advance(61_000);
        const later = await postOrder(t, key, 32, 1);
        t.expectTrue(later.status === 201 && typeof field(later, 'id') === 'number' && field(later, 'id') !== field(first, 'id'), 'A key used more than 24 hours ago must be forgotten: the same request creates a new order (keys expire on Date.now()).', { actual: describe(later) });
      },
    },
    {
      id: 'retries-transient-with-backoff',
      title: 'A catalog read that fails transiently is retried after 2–3 s, then 4–5 s (exponential backoff with jitter)',
      skill: 'production/retries-with-backoff',
      weight: 2,
      timeoutMs: 20_000,
      upstream: { [`GET ${productUrl(41)}`]: [{ networkError: true }, { status: 503, json: { error: 'busy' } }, product(41, 'Tray', 1900)] },
      run: async (t) => {
        const reads = (calls: UpstreamCall[]) => catalogReads(calls, 41).length;
        const { outcome } = await firstCatalogCall(t, 41);
        await sleep(Math.max(ARM_MS, QUIET_MS));
        t.expectEqual(reads(await t.upstreamCalls()), 1, 'After a network error, wait before retrying (2^attempt s plus a random 0–1 s) — an immediate retry hits a service that is already struggling.');
        await t.clock.advance(3_100);
        t.expectTrue((await callsReach(t, reads, 2)) === 2, 'After a network error the catalog read must be retried once the first wait (2 s plus a random 0–1 s) is over. Wait with setTimeout: the checks move its clock.');
        await sleep(ARM_MS);
        // Past the longest first wait (3 s), short of the shortest second one (4 s).
        await t.clock.advance(3_050);
        await sleep(QUIET_MS);
        t.expectEqual(reads(await t.upstreamCalls()), 2, 'The second wait must be twice as long as the first (4 s plus a random 0–1 s): back off exponentially, 2^attempt seconds.');
        await t.clock.advance(2_000);
        t.expectTrue((await callsReach(t, reads, 3)) === 3, 'After a 503 the read must be retried again once the second wait (4 s plus a random 0–1 s) is over.');
        const res = await settle(t, outcome, SHOW_UP_MS, 'The third attempt succeeded, but GET /products/41 did not answer.');
        t.expectTrue(res.status === 200 && field(res, 'name') === 'Tray', 'The third attempt got the product: GET /products/41 must answer 200 with it.', { actual: describe(res) });
      },
    },
    {
      id: 'retries-bounded-and-safe',
      title: 'Retries stop after 3 attempts (502); 404, 500 and the warehouse POST are never retried',
      skill: 'production/retries-with-backoff',
      weight: 1,
      timeoutMs: 30_000,
      upstream: {
        [`GET ${productUrl(42)}`]: { status: 504, json: { error: 'timeout' } },
        [`GET ${productUrl(43)}`]: { status: 404, json: { error: 'no such product' } },
        [`GET ${productUrl(44)}`]: { status: 500, json: { error: 'bug' } },
        [`POST ${RESERVATIONS}`]: { status: 503, json: { error: 'busy' } },
      },
      run: async (t) => {
        const reads = (calls: UpstreamCall[]) => catalogReads(calls, 42).length;
        const { outcome } = await firstCatalogCall(t, 42);
        await sleep(ARM_MS);
        await t.clock.advance(3_100);
        await callsReach(t, reads, 2);
        await sleep(ARM_MS);
        await t.clock.advance(5_100);
        await callsReach(t, reads, 3);
        await sleep(ARM_MS);
        // Room for a fourth attempt (after 8–9 s), which must not come.
        await t.clock.advance(10_000);
        const res = await settle(t, outcome, SHOW_UP_MS, 'The catalog answered 504 three times: GET /products/42 must then answer 502.');
        t.expectTrue(res.status === 502 && reads(await t.upstreamCalls()) === 3, 'A catalog that keeps answering 504 must be tried 3 times in all, then GET /products/42 answers 502.', { actual: `${describe(res)}\n${reads(await t.upstreamCalls())} catalog calls` });
        for (const [id, status, answer] of [[43, 404, 404], [44, 500, 502]] as const) {
          const final = await send(t, { path: `/products/${id}` });
          t.expectTrue(final.status === answer && catalogReads(await t.upstreamCalls(), id).length === 1, `A catalog ${status} is not transient: call once and answer ${answer} at once, without retrying.`, { actual: `${describe(final)}\n${catalogReads(await t.upstreamCalls(), id).length} catalog calls` });
        }
        const order = await postOrder(t, freshKey('noretry'), 33, 1);
        t.expectTrue(order.status === 502 && reservations(await t.upstreamCalls()).length === 1, 'A POST is not idempotent: a retried reservation may reserve twice. Call the warehouse once, and answer 502 when it fails.', { actual: `${describe(order)}\n${reservations(await t.upstreamCalls()).length} warehouse calls` });
      },
    },
    {
      id: 'retry-after-honoured',
      title: 'A 429 with Retry-After: 5 is retried after 5 seconds, not sooner; one asking for more than 30 seconds is not retried',
      skill: 'production/retries-with-backoff',
      weight: 1,
      timeoutMs: 20_000,
      upstream: {
        [`GET ${productUrl(45)}`]: [{ status: 429, headers: { 'retry-after': '5' }, json: { error: 'slow down' } }, product(45, 'Spoon', 300)],
        [`GET ${productUrl(46)}`]: [{ status: 503, headers: { 'retry-after': '3600' }, json: { error: 'maintenance' } }, product(46, 'Fork', 300)],
      },
      run: async (t) => {
        const reads = (calls: UpstreamCall[]) => catalogReads(calls, 45).length;
        const { outcome } = await firstCatalogCall(t, 45);
        await sleep(ARM_MS);
        // Past the longest backoff (3 s), short of the 5 s asked for.
        await t.clock.advance(3_100);
        await sleep(QUIET_MS);
        t.expectEqual(reads(await t.upstreamCalls()), 1, 'The catalog answered 429 with Retry-After: 5 — wait those 5 seconds instead of your own backoff before retrying.');
        await t.clock.advance(2_500);
        t.expectTrue((await callsReach(t, reads, 2, 6_000)) === 2, 'Retry once the 5 seconds of Retry-After are over (429 is transient).');
        const res = await settle(t, outcome, SHOW_UP_MS, 'The retry got the product, but GET /products/45 did not answer.');
        t.expectTrue(res.status === 200 && field(res, 'name') === 'Spoon', 'After the retry, GET /products/45 must answer 200 with the product.', { actual: describe(res) });
        const { outcome: longWait } = await firstCatalogCall(t, 46);
        const refused = await settle(t, longWait, SHOW_UP_MS, 'The catalog answered 503 with Retry-After: 3600: an hour is more than the 30 seconds worth waiting — answer 502 at once instead of holding the request.');
        t.expectTrue(refused.status === 502 && catalogReads(await t.upstreamCalls(), 46).length === 1, 'A Retry-After over 30 seconds: do not retry, answer 502 at once.', { actual: `${describe(refused)}\n${catalogReads(await t.upstreamCalls(), 46).length} catalog calls` });
      },
    },
    {
      id: 'uploads-by-content',
      title: 'POST /attachments accepts PNG and PDF by their bytes (not their name), refuses other bytes with 415, and serves the file back',
      skill: 'production/file-uploads',
      weight: 2,
      timeoutMs: 10_000,
      run: async (t) => {
        const text = pdfText(uniqueName('invoice'));
        const pdf = await upload(t, 'invoice.pdf', 'application/pdf', { text });
        const id = field(pdf, 'id');
        t.expectTrue(pdf.status === 201 && typeof id === 'string' && field(pdf, 'contentType') === 'application/pdf' && field(pdf, 'size') === text.length, 'A PDF upload must answer 201 { id, size, contentType: "application/pdf" }.', { actual: describe(pdf) });
        const back = await send(t, { path: `/attachments/${encodeURIComponent(String(id))}` });
        t.expectTrue(back.status === 200 && back.text === text && /^application\/pdf/.test(back.headers['content-type'] ?? ''), 'GET /attachments/:id must answer the uploaded bytes with Content-Type application/pdf.', { actual: `${describe(back)}\nContent-Type: ${back.headers['content-type'] ?? '(none)'}` });
        const png = await upload(t, 'notes.txt', 'text/plain', { base64: PNG_BASE64 });
        t.expectTrue(png.status === 201 && field(png, 'contentType') === 'image/png', 'A PNG is a PNG whatever its name and declared type say: decide by its first bytes (89 50 4E 47 0D 0A 1A 0A) and answer 201 with contentType "image/png".', { actual: describe(png) });
        const fake = await upload(t, 'evil.pdf', 'application/pdf', { text: '<script>alert(1)</script>' });
        t.expectTrue(fake.status === 415, 'A file named .pdf and declared application/pdf whose bytes do not start with %PDF- must be refused with 415: names and declared types are the client\'s word.', { actual: describe(fake) });
      },
    },
    {
      id: 'upload-size-limit',
      title: 'An attachment of exactly 1 MiB is accepted; one byte more gets 413',
      skill: 'production/file-uploads',
      weight: 1,
      timeoutMs: 20_000,
      run: async (t) => {
        const largest = await upload(t, 'largest.pdf', 'application/pdf', { text: pdfText('largest', MIB) });
        t.expectTrue(largest.status === 201 && field(largest, 'size') === MIB, `A file of exactly 1 MiB (${MIB} bytes) is allowed: answer 201. (busboy reports "limit" on reaching fileSize, so give it one byte more.)`, { actual: describe(largest) });
        const tooLarge = await upload(t, 'too-large.pdf', 'application/pdf', { text: pdfText('too large', MIB + 1) });
        t.expectTrue(tooLarge.status === 413, `A file of ${MIB + 1} bytes is over the limit: answer 413 { error }.`, { actual: describe(tooLarge) });
      },
    },
    {
      id: 'upload-server-names',
      title: 'Uploads are stored under a name the server makes up: a filename with ../ writes nowhere else, and GET serves known ids only',
      skill: 'production/file-uploads',
      weight: 1,
      timeoutMs: 10_000,
      run: async (t) => {
        const escaped = `${uniqueName('escaped')}.pdf`;
        const res = await upload(t, `../${escaped}`, 'application/pdf', { text: pdfText('traversal') });
        const id = String(field(res, 'id'));
        t.expectTrue(res.status === 201 && !id.includes('escaped') && !id.includes('/') && !id.includes('..'), 'Store the file under a name the server makes (randomUUID()), never the client\'s filename, and answer that id.', { actual: describe(res) });
        t.expectTrue((await t.readFile(escaped)) === undefined, `The upload named "../${escaped}" was written outside uploads/: never build a path from the client's filename.`, { actual: `${escaped} exists in the workspace` });
        const outside = await send(t, { path: '/attachments/..%2Fserver.js' });
        t.expectTrue(outside.status === 404, 'GET /attachments/..%2Fserver.js must answer 404: serve only the ids you stored, never a path built from the URL.', { actual: describe(outside) });
      },
    },
    {
      id: 'openapi-document',
      title: 'GET /openapi.json is an OpenAPI 3.1 document of exactly the operations the server has, with their statuses',
      skill: 'production/api-documentation',
      weight: 2,
      run: async (t) => {
        const res = await send(t, { path: '/openapi.json' });
        if (res.status !== 200 || !isObject(res.json)) return t.fail('GET /openapi.json must answer 200 with the OpenAPI document as JSON.', { actual: describe(res) });
        const doc = res.json;
        const problems = documentProblems(doc);
        t.expectTrue(problems.length === 0, 'The document is not valid OpenAPI 3.1.', { actual: problems.join('\n') });
        const documented = documentedOperations(doc);
        const missing = Object.entries(OPERATIONS).flatMap(([operation, statuses]) => {
          const found = documented.get(operation);
          if (found === undefined) return [`${operation} is not documented`];
          const absent = statuses.filter((status) => !found.includes(status));
          return absent.length > 0 ? [`${operation} does not document ${absent.join(', ')}`] : [];
        });
        t.expectTrue(missing.length === 0, 'Document every operation of the service with every status it answers (the table in the lesson).', { actual: missing.join('\n') });
        const unknown = [...documented.keys()].filter((operation) => !(operation in OPERATIONS) && !OPTIONAL_OPERATIONS.has(operation));
        t.expectTrue(unknown.length === 0, 'The document describes operations the server does not have: clients would call them and get 404.', { actual: unknown.join('\n') });
      },
    },
    {
      id: 'tests-catch-broken-server',
      title: 'test/orders.test.js passes against your app and fails against a copy that ignores If-None-Match',
      skill: 'production/testing-your-api',
      weight: 2,
      timeoutMs: 70_000,
      run: async (t) => {
        const summary = (result: CommandResult) => `exit code ${result.code}${result.timedOut ? ' (timed out)' : ''}\n${`${result.stdout}\n${result.stderr}`.trim().slice(-1500)}`;
        const own = await t.runCommand('node', ['--test', 'test/orders.test.js'], { timeoutMs: 30_000 });
        t.expectTrue(own.code === 0 && !own.timedOut && /^# pass [1-9]/m.test(own.stdout), 'node --test test/orders.test.js must pass against your own app (close the server in after(), or the run never ends).', { actual: summary(own) });
        const broken = await t.runCommand('node', ['--test', 'test/orders.test.js'], { timeoutMs: 30_000, env: { ORDERS_APP: './broken/ignores-if-none-match.js' } });
        t.expectTrue(broken.code !== 0 && !broken.timedOut && /^# fail [1-9]/m.test(broken.stdout), 'Your tests also pass against test/broken/ignores-if-none-match.js, which never answers 304: add a test that sends the ETag of GET /orders back in If-None-Match and expects 304 with no body.', { actual: summary(broken) });
      },
    },
  ],
});
