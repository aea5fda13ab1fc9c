import { defineChecks } from '../../../src/checks/define.ts';

export default defineChecks({
  checks: [
    {
      id: 'hello-route-exists',
      title: 'GET /hello answers 200',
      hint: 'Add app.get(\'/hello\', (req, res) => { … }) before app.listen.',
      steps: [
        {
          request: { method: 'GET', path: '/hello' },
          expect: { status: 200 },
          message: 'Add a route for GET /hello: app.get(\'/hello\', (req, res) => { … }). A 404 means Express found no route for that method and path.',
        },
      ],
    },
    {
      id: 'hello-json',
      title: 'GET /hello answers JSON',
      hint: 'res.json(…) sets Content-Type: application/json for you; res.send(\'text\') does not.',
      steps: [
        {
          request: { method: 'GET', path: '/hello' },
          expect: { headers: { 'content-type': /application\/json/ } },
          message: 'Answer with res.json({ … }) so the body is JSON and Content-Type is application/json.',
        },
      ],
    },
    {
      id: 'hello-message',
      title: 'The JSON body is { "message": "Hello, world!" }',
      hint: 'Spelling counts: capital H, a comma, one space, an exclamation mark.',
      steps: [
        {
          request: { method: 'GET', path: '/hello' },
          expect: { json: [{ path: '', equals: { message: 'Hello, world!' } }] },
          message: 'Send exactly res.json({ message: \'Hello, world!\' }) — the key is "message" and the text must match character for character.',
        },
      ],
    },
  ],
});
