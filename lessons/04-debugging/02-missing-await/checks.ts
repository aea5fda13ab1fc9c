/**
 * The missing await: the learner writes repro.js, the bug report as a program that `git bisect
 * run` can use (graded by running it through bisect-run.js against the checks' own buggy and
 * fixed servers), then fixes server.js (graded by requests to it).
 */
import { defineChecks, type CheckContext, type CommandResult } from '../../../src/checks/define.ts';
import { BUGGY_SERVER, FIXED_SERVER } from './server-variants.ts';

/** Two Node processes on a busy machine; bisect-run.js itself cuts repro.js at 20 s. */
const RUN_TIMEOUT_MS = 45_000;
/** The exit code `git bisect run` reads as "cannot test this version": bisect-run.js uses it when the server does not start. */
const CANNOT_TEST = 125;

/** `node bisect-run.js` against `serverSource`: the exit code git bisect would see. */
async function runRepro(t: CheckContext, serverSource: string): Promise<CommandResult> {
  const run = await t.runCommand('node', ['bisect-run.js'], { timeoutMs: RUN_TIMEOUT_MS, env: { SERVER_SOURCE: serverSource } });
  const output = `${run.stdout}${run.stderr}`.trim().slice(-4000);
  if (run.timedOut) t.fail(`repro.js did not finish within ${RUN_TIMEOUT_MS / 1000} s. Does it await its fetch, and wait for nothing else?`, { actual: output });
  if (run.code === CANNOT_TEST) t.fail('bisect-run.js exited with 125 ("cannot test this version"): the server did not start, or repro.js itself exits with 125. Keep bisect-run.js and users-repo.js as given (reset the lesson if you changed them), and let repro.js exit with 0 or 1.', { actual: output });
  if (run.code === null || run.code > 127) t.fail(`repro.js ended with ${run.code === null ? `signal ${run.signal}` : `exit code ${run.code}`}: git bisect run stops the whole search on an exit code above 127. Exit with 0 (good) or 1 (bad).`, { actual: output });
  return run;
}

export default defineChecks({
  checks: [
    {
      id: 'repro-fails-on-bug',
      title: 'repro.js exits non-zero against the release with the bug (git bisect: bad)',
      hint: 'The buggy server answers 200 too, so the status alone cannot tell. Compare the body with user 1 in users.json and set `process.exitCode = 1` when it differs.',
      timeoutMs: RUN_TIMEOUT_MS + 5000,
      run: async (t) => {
        const run = await runRepro(t, BUGGY_SERVER);
        if (run.code === 0) {
          t.fail('repro.js exits 0 ("good") against the server with the missing await, which answers GET /users/1 with 200 {}: git bisect would call the broken release good. Exit with 1 when the answer is not user 1 from users.json.', { actual: `${run.stdout}${run.stderr}`.trim() });
        }
      },
    },
    {
      id: 'repro-passes-when-fixed',
      title: 'repro.js exits 0 against a fixed server (git bisect: good)',
      hint: 'Exit 0 when GET /users/1 answers user 1 from users.json. Build the URL from process.env.BASE_URL: bisect-run.js starts each server on another free port.',
      timeoutMs: RUN_TIMEOUT_MS + 5000,
      run: async (t) => {
        const run = await runRepro(t, FIXED_SERVER);
        if (run.code !== 0) {
          t.fail(`repro.js exits ${run.code} ("bad") against a server that answers user 1 correctly: git bisect would call every commit bad, the good ones too. Exit 0 when the answer is user 1 from users.json (and reach the server through process.env.BASE_URL).`, { actual: `${run.stdout}${run.stderr}`.trim() });
        }
      },
    },
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
