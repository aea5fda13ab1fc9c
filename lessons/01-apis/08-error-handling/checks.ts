import { defineChecks, type CheckContext, type HttpRequestSpec, type HttpResponse } from '../../../src/checks/define.ts';

/** A stack frame ("at fn (file.js:12:5)") or a file position leaks how the server is built. */
const STACK = /\bat \S+ \(|\bat (file:|node:|\/)|\.m?js:\d+:\d+/;

async function expectInternalError(t: CheckContext, spec: HttpRequestSpec, what: string, secrets: string[]): Promise<HttpResponse> {
  const res = await t.request(spec);
  const label = `${spec.method ?? 'GET'} ${spec.path}`;
  t.expectTrue(!STACK.test(res.text), `${label} (${what}) sent a stack trace to the client. Add an error handler app.use((err, req, res, next) => …) after all routes that answers JSON without err.stack.`, { expected: 'no stack frames in the body', actual: res.text.slice(0, 400) });
  t.expectTrue(res.status === 500, `${label} (${what}) answered ${res.status}. An unexpected error is the server's fault: answer 500.`, { expected: 500, actual: `${res.status} ${res.text.slice(0, 200)}` });
  t.expectTrue(/application\/json/.test(res.headers['content-type'] ?? ''), `${label} answered ${res.headers['content-type'] ?? 'no content type'}; an API answers errors as JSON: res.status(500).json({ error: 'Internal Server Error' }).`, { expected: 'application/json', actual: res.headers['content-type'] });
  for (const secret of secrets) {
    t.expectTrue(!res.text.includes(secret), `The 500 from ${label} leaks "${secret}" from the error message. For 500s answer a fixed { error: 'Internal Server Error' } and keep err.message for the log.`, { expected: '{ "error": "Internal Server Error" }', actual: res.text.slice(0, 300) });
  }
  t.expectTrue(typeof (res.json as { error?: unknown } | undefined)?.error === 'string', `The 500 body must be { "error": "…" } so clients can rely on one error shape.`, { actual: res.text.slice(0, 200) });
  return res;
}

export default defineChecks({
  checks: [
    {
      id: 'bug-500-json',
      title: 'A bug answers 500 JSON without a stack trace',
      hint: 'Express recognises an error handler by its four parameters (err, req, res, next).',
      run: async (t) => {
        await expectInternalError(t, { path: '/orders/3/total' }, 'order 3 has items: null, so .reduce throws a TypeError', ['TypeError', 'reduce']);
      },
    },
    {
      id: 'async-500-no-details',
      title: 'A failing async route answers 500 without internal details',
      run: async (t) => {
        await expectInternalError(t, { path: '/reports/daily' }, 'the reports database is down', ['ECONNREFUSED', '10.0.0.12', 'report_admin']);
      },
    },
    {
      id: 'errors-logged',
      title: '500 errors are logged on the server',
      hint: 'console.error(err) in the error handler prints the message and the stack to the server output.',
      run: async (t) => {
        await t.request({ path: '/reports/daily' });
        t.expectTrue(t.serverOutput().includes('ECONNREFUSED'), 'The details of a 500 must still reach you: log the error in your error handler with console.error(err), so the server output shows what went wrong.', { expected: 'server output mentioning ECONNREFUSED', actual: t.serverOutput().slice(-400) || '(no output)' });
      },
    },
    {
      id: 'http-errors-keep-status',
      title: 'HttpError(404) and HttpError(400) answer their status with their message as JSON',
      hint: 'Use err.status when it is between 400 and 499, with { error: err.message }.',
      steps: [
        {
          request: { path: '/orders/42' },
          expect: { status: 404, json: [{ path: 'error', equals: 'Order not found' }] },
          message: 'findOrder throws HttpError(404, \'Order not found\'): your error handler must answer err.status with { error: err.message }.',
        },
        {
          request: { path: '/orders/abc' },
          expect: { status: 400, json: [{ path: 'error', equals: 'id must be a whole number' }] },
          message: 'An HttpError with status 400 must answer 400 { error: err.message }.',
        },
        {
          request: { method: 'POST', path: '/orders', json: { customer: 'Ada' } },
          expect: { status: 400, json: [{ path: 'error', type: 'string' }], bodyNotContains: ['    at '] },
          message: 'POST /orders without items throws HttpError(400, …): answer 400 JSON with its message, and no stack trace.',
        },
      ],
    },
    {
      id: 'malformed-json-400',
      title: 'A body that is not JSON answers 400 JSON, not an HTML stack trace',
      hint: 'express.json() gives such errors status 400 and type \'entity.parse.failed\': your 4xx branch handles them.',
      run: async (t) => {
        const res = await t.request({ method: 'POST', path: '/orders', headers: { 'content-type': 'application/json' }, body: '{ "customer": "Ada", ' });
        t.expectTrue(res.status === 400, `Broken JSON answered ${res.status}: it is the client's mistake, so answer 400 (express.json() sets err.status = 400).`, { expected: 400, actual: `${res.status} ${res.text.slice(0, 200)}` });
        t.expectTrue(!STACK.test(res.text) && /application\/json/.test(res.headers['content-type'] ?? ''), 'Broken JSON answered an HTML page with a stack trace. Your error handler must answer it as JSON: { error: … }.', { expected: '400 { "error": "…" }', actual: res.text.slice(0, 300) });
      },
    },
    {
      id: 'not-found-json',
      title: 'An unknown path answers 404 { "error": "Not found" }',
      steps: [
        {
          request: { path: '/no/such/route' },
          expect: { status: 404, json: [{ path: 'error', equals: 'Not found' }] },
          message: 'Add app.use((req, res) => res.status(404).json({ error: \'Not found\' })) after the routes and before the error handler.',
        },
      ],
    },
    {
      id: 'still-running',
      title: 'The server keeps answering after errors',
      steps: [
        { request: { path: '/orders/3/total' } },
        {
          request: { path: '/orders/1/total' },
          expect: { status: 200, json: [{ path: 'total', equals: 5600 }] },
          message: 'After an error, GET /orders/1/total must still answer 200 { id: 1, total: 5600 }. Do not call process.exit or rethrow in the error handler.',
        },
      ],
    },
  ],
});
