/**
 * Structured logs and request ids. Every check sends its own request id (or reads the one
 * the server made) and looks for the log lines carrying it in the server's output: the line
 * is written when the response finishes, so the helpers wait a moment for it to arrive.
 */
import { defineChecks, type CheckContext, type HttpRequestSpec, type HttpResponse } from '../../../src/checks/define.ts';
import { describe, pollUntil, send, sleep } from '../../_support/checks.ts';

type LogLine = Record<string, unknown>;

/** How long a log line may take to reach us after its response. */
const LINE_WAIT_MS = 3000;
/** After the first line for a request shows up, how long to keep watching for a second one. */
const SETTLE_MS = 300;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;


/** A request id no other request of this run uses, made only of safe characters. */
function freshId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
}

function parse(line: string): LogLine | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as LogLine) : undefined;
  } catch {
    return undefined;
  }
}

/** The output lines since the check began, without blank ones. */
const printed = (t: CheckContext) => t.serverLines().filter((line) => line.trim() !== '');

/** The JSON lines with `requestId === id`, once at least one holds a `status` (or the wait is over). */
async function linesFor(t: CheckContext, id: string): Promise<LogLine[]> {
  const find = () => printed(t).map(parse).filter((line): line is LogLine => line?.requestId === id);
  const hasStatus = (lines: LogLine[]) => lines.some((line) => 'status' in line);
  if (!hasStatus(await pollUntil(find, hasStatus, LINE_WAIT_MS, 50))) return find();
  await sleep(SETTLE_MS);
  return find();
}

/** The one request line (the line with a status) for `id`; fails the check when there is none. */
async function requestLine(t: CheckContext, id: string, what: string): Promise<LogLine> {
  const line = (await linesFor(t, id)).find((candidate) => 'status' in candidate);
  if (line === undefined) {
    return t.fail(`No JSON log line with "requestId": "${id}" and a "status" was printed for ${what}. When the response finishes (res.on('finish', …)), print one line: console.log(JSON.stringify({ requestId, method, path, status, durationMs })).`, {
      actual: printed(t).join('\n') || '(no output)',
    });
  }
  return line;
}

async function call(t: CheckContext, spec: HttpRequestSpec, id?: string): Promise<HttpResponse> {
  return send(t, id === undefined ? spec : { ...spec, headers: { ...spec.headers, 'x-request-id': id } });
}

/** Every string somewhere inside a parsed line. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

export default defineChecks({
  checks: [
    {
      id: 'request-line-is-json',
      title: 'Each request prints a line of JSON, and nothing but JSON is printed',
      hint: 'console.log(JSON.stringify({ … })) prints one line of JSON; console.log(`GET /books 200`) or console.log(someObject) does not.',
      timeoutMs: 10_000,
      run: async (t) => {
        const id = freshId('json');
        await call(t, { path: '/books' }, id);
        await pollUntil(() => printed(t), (lines) => lines.some((line) => line.includes('/books')), LINE_WAIT_MS, 50);
        await sleep(SETTLE_MS);
        const lines = printed(t);
        t.expectTrue(lines.some((line) => line.includes('/books')), 'GET /books printed nothing. Add a middleware before the routes that prints one JSON line per request when its response finishes.', {
          actual: lines.join('\n') || '(no output)',
        });
        const notJson = lines.filter((line) => parse(line) === undefined);
        t.expectTrue(notJson.length === 0, 'Print every log line as one JSON object (console.log(JSON.stringify({ … }))): log collectors parse each line as JSON, and a plain-text line is lost or garbled.', {
          expected: 'only lines such as {"requestId":"…","method":"GET","path":"/books","status":200,"durationMs":3}',
          actual: notJson.join('\n'),
        });
      },
    },
    {
      id: 'request-line-fields',
      title: 'The line holds requestId, method, path, status and durationMs',
      hint: 'requestId, req.method, req.path, res.statusCode, and the milliseconds since the request came in (performance.now() at the start and at the end).',
      timeoutMs: 10_000,
      run: async (t) => {
        const id = freshId('fields');
        await call(t, { path: '/books/2' }, id);
        const line = await requestLine(t, id, 'GET /books/2');
        t.expectEqual({ method: line.method, path: line.path, status: line.status }, { method: 'GET', path: '/books/2', status: 200 }, 'The log line for GET /books/2 must say "method": "GET", "path": "/books/2" and "status": 200 (a number).');
        t.expectTrue(typeof line.durationMs === 'number' && Number.isFinite(line.durationMs) && line.durationMs >= 0, 'Add "durationMs": the time the request took, as a number of milliseconds (not a string such as "3ms").', {
          actual: JSON.stringify(line),
        });
      },
    },
    {
      id: 'status-is-final',
      title: 'The logged status is the one the client got (201 after an async handler, 404)',
      hint: "Log in res.on('finish', …): before that, an async handler has not set its status yet, and res.statusCode still says 200.",
      timeoutMs: 10_000,
      run: async (t) => {
        const created = freshId('created');
        const res = await call(t, { method: 'POST', path: '/books', json: { title: 'Middlemarch' } }, created);
        t.expectTrue(res.status === 201, 'POST /books must still answer 201 (the route is given: keep it).', { actual: describe(res) });
        const line = await requestLine(t, created, 'POST /books');
        t.expectEqual(line.status, 201, 'POST /books answered 201 but was logged with another status. Log when the response has finished (res.on("finish")), not when the request arrives or right after next().');
        const missing = freshId('missing');
        await call(t, { path: '/books/999' }, missing);
        const notFound = await requestLine(t, missing, 'GET /books/999');
        t.expectEqual(notFound.status, 404, 'GET /books/999 answered 404 but was logged with another status. Log res.statusCode once the response has finished.');
      },
    },
    {
      id: 'one-line-per-request',
      title: 'A request prints exactly one request line',
      hint: "Listen to one event: 'finish' (or 'close'), not both; register the middleware once.",
      timeoutMs: 10_000,
      run: async (t) => {
        const id = freshId('once');
        await call(t, { path: '/books' }, id);
        await requestLine(t, id, 'GET /books');
        const lines = (await linesFor(t, id)).filter((line) => 'status' in line);
        t.expectTrue(lines.length === 1, `GET /books printed ${lines.length} request lines. One request, one line: duplicates double every count and alert built on the logs.`, {
          actual: lines.map((line) => JSON.stringify(line)).join('\n'),
        });
      },
    },
    {
      id: 'path-without-query',
      title: 'The logged path leaves out the query string',
      hint: 'req.path is the path without "?…"; req.originalUrl and req.url include it.',
      timeoutMs: 10_000,
      run: async (t) => {
        const id = freshId('query');
        const token = `tok${Math.floor(Math.random() * 36 ** 8).toString(36)}`;
        await call(t, { path: `/books?access_token=${token}` }, id);
        const line = await requestLine(t, id, 'GET /books?access_token=…');
        t.expectTrue(line.path === '/books' && !printed(t).some((text) => text.includes(token)), 'Log the path without its query string ("path": "/books"): query strings carry access tokens, e-mail addresses and search terms, and logs are read by many more people than your database.', {
          expected: '"path": "/books", and the token nowhere in the output',
          actual: JSON.stringify(line),
        });
      },
    },
    {
      id: 'duration-in-milliseconds',
      title: 'durationMs measures the request in milliseconds (GET /report takes about 300 ms)',
      hint: 'Take performance.now() when the request comes in and again in the finish listener; the difference is already in milliseconds.',
      timeoutMs: 10_000,
      run: async (t) => {
        const id = freshId('slow');
        await call(t, { path: '/report' }, id);
        const line = await requestLine(t, id, 'GET /report');
        const ms = line.durationMs;
        t.expectTrue(typeof ms === 'number' && ms >= 250 && ms < 60_000, 'GET /report waits 300 ms, so its durationMs must be about 300: measure from when the request arrives to when the response finishes, in milliseconds (not seconds).', {
          expected: 'durationMs ≥ 250',
          actual: JSON.stringify(line),
        });
      },
    },
    {
      id: 'echoes-safe-request-id',
      title: 'A safe incoming X-Request-Id (64 characters) is kept: answered in X-Request-Id and logged',
      hint: "const incoming = req.get('x-request-id'); use it when /^[A-Za-z0-9._-]{1,64}$/ matches it, and res.set('X-Request-Id', requestId).",
      timeoutMs: 10_000,
      run: async (t) => {
        // 64 characters, every kind the rule allows: the longest id that must be kept.
        const id = `${freshId('Keep.me_')}`.padEnd(64, 'x');
        const res = await call(t, { path: '/books' }, id);
        t.expectEqual(res.headers['x-request-id'], id, 'Use the X-Request-Id the client (or the proxy in front of you) sent when it is 1 to 64 letters, digits, ".", "_" or "-", and send it back in the X-Request-Id header: then one id follows the request through every service.');
        await requestLine(t, id, 'a request with a 64-character X-Request-Id');
      },
    },
    {
      id: 'generates-request-id',
      title: 'Without X-Request-Id the server makes a new UUID, answers it and logs it',
      hint: "randomUUID() from node:crypto, then res.set('X-Request-Id', requestId).",
      timeoutMs: 10_000,
      run: async (t) => {
        const first = await call(t, { path: '/books' });
        const second = await call(t, { path: '/books' });
        const a = first.headers['x-request-id'];
        const b = second.headers['x-request-id'];
        t.expectTrue(a !== undefined && UUID.test(a) && b !== undefined && UUID.test(b) && a !== b, 'When a request comes without an X-Request-Id, make a new one with randomUUID() and send it in the X-Request-Id response header: a user who reports an error can quote it, and you find their request in the logs.', {
          expected: 'two different UUIDs',
          actual: `${a ?? '(no X-Request-Id header)'}\n${b ?? '(no X-Request-Id header)'}`,
        });
        await requestLine(t, a as string, 'a request without X-Request-Id (log the id you made)');
      },
    },
    {
      id: 'replaces-unsafe-request-id',
      title: 'An unsafe incoming X-Request-Id (65 characters, or spaces and quotes) is replaced by a new UUID',
      hint: 'Test the incoming id against /^[A-Za-z0-9._-]{1,64}$/ (anchored at both ends) and make a new one when it does not match.',
      timeoutMs: 15_000,
      run: async (t) => {
        const tooLong = freshId('long').padEnd(65, 'y');
        const injected = `${freshId('inj')} "status":200`;
        for (const [incoming, what] of [
          [tooLong, 'a 65-character X-Request-Id'],
          [injected, 'an X-Request-Id with a space and quotes'],
        ] as const) {
          const res = await call(t, { path: '/books' }, incoming);
          const answered = res.headers['x-request-id'];
          t.expectTrue(answered !== undefined && UUID.test(answered), `For ${what}, answer a new UUID in X-Request-Id instead: a client-chosen id ends up in your logs and other services' headers, so accept only 1 to 64 letters, digits, ".", "_" or "-".`, {
            expected: 'a new UUID',
            actual: answered ?? '(no X-Request-Id header)',
          });
          await requestLine(t, answered as string, `a request with ${what}`);
          t.expectTrue(!printed(t).some((line) => line.includes(incoming)), `For ${what} the unsafe id was printed in the logs. Replace it before it reaches the log line.`, { actual: printed(t).join('\n') });
        }
      },
    },
    {
      id: 'error-logged-with-stack',
      title: 'A failing request logs its error as JSON, with the stack and the request id',
      hint: "In the error handler: console.log(JSON.stringify({ level: 'error', requestId: req.id, message: error.message, stack: error.stack })). Keep the id on req (req.id = requestId) in your middleware.",
      timeoutMs: 10_000,
      run: async (t) => {
        const id = freshId('boom');
        const res = await call(t, { path: '/books/1/cover' }, id);
        t.expectTrue(res.status === 500 && !res.text.includes('    at '), 'GET /books/1/cover must still answer a plain 500 without the stack (the error handler is given: keep its response).', { actual: describe(res) });
        await requestLine(t, id, 'GET /books/1/cover');
        const lines = await linesFor(t, id);
        const withStack = lines.some((line) => strings(line).some((text) => text.includes('cover storage is offline') && /\n\s+at /.test(text)));
        t.expectTrue(withStack, 'Log the error in the error handler as JSON with its stack (error.stack: the message and the "at file:line" frames) and the request id, so the failing line can be found from the id the user quotes. A message alone does not say where it failed.', {
          expected: `a JSON line with "requestId": "${id}" and "stack": "Error: cover storage is offline\\n    at …"`,
          actual: printed(t).join('\n'),
        });
      },
    },
  ],
});
