import { defineChecks, type CheckContext, type HttpRequestSpec, type HttpResponse } from '../../../src/checks/define.ts';

const body = { name: 'Ada', likes: ['tea', 'maths'], age: 36 };

/** Sends `spec`, failing with `message` when no answer comes within `limitMs` (a middleware that never calls next()). */
async function answerWithin(t: CheckContext, spec: HttpRequestSpec, limitMs: number, message: string): Promise<HttpResponse> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), limitMs);
  });
  const res = await Promise.race([t.request(spec), late]);
  clearTimeout(timer);
  if (res === 'late') return t.fail(message, { expected: `an answer within ${limitMs / 1000} s`, actual: 'no answer' });
  return res;
}

/** The server's output lines since the check started; waits briefly, because output arrives a little after the answer. */
async function linesContaining(t: CheckContext, wanted: string[]): Promise<string[]> {
  for (let waited = 0; ; waited += 100) {
    const lines = t.serverLines();
    if (wanted.every((text) => lines.some((line) => line.includes(text))) || waited >= 1500) return lines;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export default defineChecks({
  checks: [
    {
      id: 'logs-every-request',
      title: 'A middleware logs every request as "METHOD /path", then passes it on with next()',
      hint: 'app.use((req, res, next) => { console.log(req.method, req.path); next(); }) — above the routes.',
      run: async (t) => {
        const requests: HttpRequestSpec[] = [
          { method: 'GET', path: '/status' },
          { method: 'POST', path: '/echo', json: body },
          { method: 'GET', path: '/no/such/page' },
        ];
        for (const spec of requests) {
          const label = `${spec.method ?? 'GET'} ${spec.path}`;
          await answerWithin(t, spec, 2000, `${label} never got an answer. A middleware that does not answer must call next(), or the request waits for ever.`);
        }
        const wanted = requests.map((spec) => `${spec.method ?? 'GET'} ${spec.path}`);
        const lines = await linesContaining(t, wanted);
        for (const label of wanted) {
          t.expectTrue(
            lines.some((line) => line.includes(label)),
            `The server output has no line "${label}". Log every request in a middleware registered with app.use BEFORE the routes: a route that answers does not call next(), so a middleware after it never sees the request.`,
            { expected: wanted, actual: lines.length > 0 ? lines : '(no output)' },
          );
        }
      },
    },
    {
      id: 'status-still-works',
      title: 'GET /status still answers { "status": "ok" }',
      steps: [
        {
          request: { path: '/status' },
          expect: { status: 200, json: [{ path: 'status', equals: 'ok' }] },
          message: 'GET /status was working in the starter: put the route back as it was (app.get(\'/status\', …) answering res.json({ status: \'ok\' })).',
        },
      ],
    },
    {
      id: 'echo-reads-body',
      title: 'POST /echo answers { "received": <the JSON body> }',
      hint: 'If "received" is missing, req.body is undefined: JSON bodies need app.use(express.json()) before the routes.',
      steps: [
        {
          request: { method: 'POST', path: '/echo', json: body },
          expect: { status: 200, json: [{ path: 'received', exists: true }] },
          message: 'The answer has no "received": req.body is undefined because nothing parsed the JSON body. Add app.use(express.json()) above the routes.',
        },
        {
          request: { method: 'POST', path: '/echo', json: body },
          expect: { status: 200, json: [{ path: 'received', equals: body }] },
          message: 'POST /echo must send back exactly the JSON it received, as { received: req.body }.',
        },
      ],
    },
    {
      id: 'not-found-json',
      title: 'An unknown path answers 404 with JSON { "error": "Not found", "path": … }',
      hint: 'Register app.use((req, res) => res.status(404).json({ … })) after every route: it only runs when no route answered.',
      steps: [
        {
          request: { path: '/no/such/thing' },
          expect: { status: 404, headers: { 'content-type': /application\/json/ } },
          message: 'GET /no/such/thing answered with Express\'s HTML page. Add a last app.use((req, res) => …) that answers res.status(404).json(…).',
        },
        {
          request: { path: '/no/such/thing' },
          expect: { status: 404, json: [{ path: '', equals: { error: 'Not found', path: '/no/such/thing' } }] },
          message: 'The 404 body must be exactly { "error": "Not found", "path": req.path }.',
        },
      ],
    },
    {
      id: 'method-matters',
      title: 'POST /status is not GET /status: it answers the JSON 404',
      hint: 'Keep /status a GET route (app.get). Your 404 handler must stay last, after every route.',
      steps: [
        {
          request: { method: 'POST', path: '/status', json: {} },
          expect: { status: 404, json: [{ path: 'error', equals: 'Not found' }] },
          message: 'A route is a method and a path: only GET /status should answer. POST /status must fall through to your JSON 404 handler (registered after all routes).',
        },
      ],
    },
  ],
});
