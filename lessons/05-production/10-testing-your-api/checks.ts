/**
 * Testing your API: the learner writes api.test.js (node:test + fetch) for the given, correct
 * server.js. Their suite is graded the way mutation testing grades one: it must pass against the
 * correct server and fail against each broken copy of it (server-variants.ts), one check per
 * broken server, so the learner sees which bug their tests let through. A suite that fails
 * everything would "catch" every bug, so a catch counts only when the same suite passes against
 * the correct server; a suite that passes against a server with no routes tests nothing; and a
 * correct server that already holds data must pass too (no test may count on an empty store).
 */
import { defineChecks, type Check, type CheckContext } from '../../../src/checks/define.ts';
import { BROKEN_SERVERS, EXISTING_DATA, NO_ROUTES_SERVER, editServer, type BrokenServer, type Edit } from './server-variants.ts';
import { RUN_TIMEOUT_MS, RememberedRuns, expectTests as expectSomeTests, runSuite, type SuiteRun } from '../../_support/suite-run.ts';

/** Enough for the run against the correct server and the run against a broken one, on a busy machine. */
const TWO_RUNS_MS = 2 * RUN_TIMEOUT_MS + 10_000;

/** Runs against the correct server, remembered by the exact texts of server.js and api.test.js. */
const referenceRuns = new RememberedRuns();

async function givenServer(t: CheckContext): Promise<string> {
  const source = await t.readFile('server.js');
  if (source === undefined) t.fail('server.js is missing: the checks run your tests against it. Reset the lesson to get it back.');
  return source;
}

async function referenceRun(t: CheckContext): Promise<SuiteRun> {
  const server = await givenServer(t);
  return referenceRuns.run(t, JSON.stringify([server, await t.readFile('api.test.js')]), server);
}

function expectTests(t: CheckContext, run: SuiteRun): void {
  expectSomeTests(t, run, { testFile: 'api.test.js', keep: 'server.js as given (reset the lesson if you changed it)' });
}

/** A catch counts only for a suite that passes against the correct server; otherwise failing proves nothing. */
async function expectReferencePasses(t: CheckContext): Promise<void> {
  const run = await referenceRun(t);
  expectTests(t, run);
  if (run.failed > 0) {
    t.fail('Your tests fail against the correct server too, so failing against this broken one proves nothing yet. Make them pass against server.js first (see the first check).', { actual: run.failures });
  }
}

/** server.js with `edits`, run with the learner's tests. */
async function runEdited(t: CheckContext, edits: Edit[]): Promise<SuiteRun> {
  const source = editServer(await givenServer(t), edits);
  if (source === undefined) t.fail('server.js is not as given any more, so the checks cannot make their copies of it. Reset the lesson to get it back (your tests stay in api.test.js).');
  const run = await runSuite(t, source);
  expectTests(t, run);
  return run;
}

function catches(broken: BrokenServer): Check {
  return {
    id: `catches-${broken.id}`,
    title: `Your tests fail against a server where ${broken.where}`,
    hint: broken.hint,
    timeoutMs: TWO_RUNS_MS,
    run: async (t) => {
      await expectReferencePasses(t);
      const run = await runEdited(t, broken.edits);
      if (run.failed === 0) t.fail(`Your tests pass against a server where ${broken.where}. ${broken.advice}`);
    },
  };
}

export default defineChecks({
  checks: [
    {
      id: 'passes-reference',
      title: 'Your tests pass against the correct server',
      hint: 'Build every URL from `process.env.BASE_URL`; create the to-dos a test needs inside that test, and do not count on ids or on what other tests created.',
      timeoutMs: RUN_TIMEOUT_MS + 10_000,
      run: async (t) => {
        const run = await referenceRun(t);
        expectTests(t, run);
        if (run.failed === 0) return;
        const unreachable = /ECONNREFUSED|fetch failed|Failed to parse URL/.test(run.output);
        t.fail(
          unreachable
            ? 'Your tests could not reach the server. The checks start it on a port of their own every time: build every URL from `process.env.BASE_URL`, never from a fixed port.'
            : 'Some of your tests fail against the correct server.js. A test that fails there would flag every server as broken: fix what it expects (the lesson lists the rules) or drop it.',
          { actual: run.failures },
        );
      },
    },
    {
      id: 'passes-with-existing-data',
      title: 'Your tests pass against a correct server that already holds to-dos',
      hint: 'Find what a test created by the id its POST answered, compare lists before and after instead of with `[]`, and never write an id you did not get from the server.',
      timeoutMs: TWO_RUNS_MS,
      run: async (t) => {
        await expectReferencePasses(t);
        const run = await runEdited(t, EXISTING_DATA);
        if (run.failed > 0) {
          t.fail('Your tests fail against a correct server that already holds two to-dos (ids 41 and 42, so the next one is 43). Do not count on an empty list or on ids starting at 1: use the ids the server answers and compare before with after.', { actual: run.failures });
        }
      },
    },
    {
      id: 'tests-something',
      title: 'Your tests fail against a server with no routes at all',
      hint: 'Each test should send a request to the API and assert on its status and body, e.g. `assert.equal(res.status, 201)`.',
      timeoutMs: RUN_TIMEOUT_MS + 10_000,
      run: async (t) => {
        const run = await runSuite(t, NO_ROUTES_SERVER);
        expectTests(t, run);
        if (run.failed === 0) {
          t.fail('Your tests all pass against a server that has no routes at all, where every request answers 404: they check nothing the API does. Send requests to BASE_URL and assert on what comes back.');
        }
      },
    },
    ...BROKEN_SERVERS.map(catches),
  ],
});
