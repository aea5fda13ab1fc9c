import { defineChecks } from '../../../src/checks/define.ts';

const body = { name: 'Ada', likes: ['tea', 'maths'], age: 36 };

export default defineChecks({
  checks: [
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
