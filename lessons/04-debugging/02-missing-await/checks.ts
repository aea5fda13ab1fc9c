import { defineChecks } from '../../../src/checks/define.ts';

export default defineChecks({
  checks: [
    {
      id: 'user-found',
      title: 'GET /users/1 answers the user, not {}',
      hint: 'findUser is an async function. What does calling an async function without await give you, and what does JSON.stringify make of that?',
      steps: [
        {
          name: 'GET /users/1',
          request: { path: '/users/1' },
          expect: {
            status: 200,
            json: [
              { path: 'id', equals: 1 },
              { path: 'name', equals: 'Ada Lovelace' },
              { path: 'email', equals: 'ada@example.com' },
            ],
          },
          message: 'GET /users/1 must answer Ada Lovelace\'s record. It answers {} because the route sends a Promise: make the handler async and await findUser(...).',
        },
      ],
    },
    {
      id: 'user-missing-404',
      title: 'GET /users/999 answers 404',
      hint: 'A Promise is always truthy, so `if (!user)` never fires until you await it.',
      steps: [
        {
          name: 'GET /users/999',
          request: { path: '/users/999' },
          expect: { status: 404 },
          message: 'GET /users/999 must answer 404. While `user` is a Promise, `!user` is always false — await findUser first.',
        },
      ],
    },
    {
      id: 'repo-stays-async',
      title: 'users-repo.js still reads the file without blocking',
      hint: 'The refactor was right: keep findUser async and fix its caller.',
      file: {
        path: 'users-repo.js',
        notContains: [/\breadFileSync\b/],
        message: 'Keep findUser async (readFile from node:fs/promises): readFileSync blocks every other request while the disk is slow, which is why the release changed it. Fix the caller instead — await findUser in the route.',
      },
    },
  ],
});
