/**
 * Runs the learner's test file against one server through the workspace's run-tests.js (which
 * starts the server from SERVER_SOURCE, or server.js when none is given, on a free port, sets
 * BASE_URL and runs `node --test`) and reads the TAP summary it prints. A check cannot start
 * processes itself, and runCommand runs only workspace scripts: run-tests.js is that script.
 * Used by the lessons that grade a learner's tests (production/testing-your-api, debugging/pagination).
 */
import type { CheckContext } from '../../src/checks/define.ts';

export interface SuiteRun {
  /** Whether the server listened (run-tests.js exits with 3 when it did not). */
  started: boolean;
  tests: number;
  failed: number;
  /** `name: error` of each failed test, as TAP reports them. */
  failures: string[];
  /** The whole output, for the learner to read when something is off. */
  output: string;
}

/** A slow machine runs two Node processes and the learner's tests; a stuck test is cut by run-tests.js at 20 s. */
export const RUN_TIMEOUT_MS = 45_000;
const SERVER_DID_NOT_START = 3;

export async function runSuite(t: CheckContext, serverSource: string): Promise<SuiteRun> {
  const run = await t.runCommand('node', ['run-tests.js'], { timeoutMs: RUN_TIMEOUT_MS, env: { SERVER_SOURCE: serverSource } });
  const output = `${run.stdout}${run.stderr}`.trim();
  if (run.timedOut) t.fail(`Your tests did not finish within ${RUN_TIMEOUT_MS / 1000} s. Does every test await its fetch, and does no test wait for something that never comes?`, { actual: tail(output) });
  if (run.code === SERVER_DID_NOT_START) return { started: false, tests: 0, failed: 0, failures: [], output };
  const count = (name: string): number | undefined => {
    const match = new RegExp(`^# ${name} (\\d+)$`, 'm').exec(run.stdout);
    return match ? Number(match[1]) : undefined;
  };
  const tests = count('tests');
  if (tests === undefined) t.fail('run-tests.js printed no test summary: put it back as given, it is what runs your tests.', { actual: tail(output) });
  const failed = (count('fail') ?? 0) + (count('cancelled') ?? 0);
  // A run that failed without a failing test (the file did not load, say) still failed.
  return { started: true, tests, failed: run.code === 0 ? failed : Math.max(failed, 1), failures: failuresIn(run.stdout), output };
}

/**
 * Runs remembered by the texts that decide their result (the test file, and the server when the
 * learner can change it): the same tests against the same server give the same result, and
 * several checks need the run against the correct server. A run that could not finish (its
 * check failed inside runSuite) is not remembered.
 */
export class RememberedRuns {
  readonly #runs = new Map<string, SuiteRun>();

  async run(t: CheckContext, key: string, serverSource: string): Promise<SuiteRun> {
    const known = this.#runs.get(key);
    if (known) return known;
    const run = await runSuite(t, serverSource);
    this.#runs.set(key, run);
    return run;
  }
}

/**
 * Fails the check when no test ran: the server did not start (`keep` says which given files to
 * keep, e.g. "server.js as given (reset the lesson if you changed it)"), or `testFile` has no test.
 */
export function expectTests(t: CheckContext, run: SuiteRun, { testFile, keep }: { testFile: string; keep: string }): void {
  if (!run.started) t.fail(`The server did not start, so no test ran. Keep ${keep}.`, { actual: run.output });
  if (run.tests === 0) t.fail(`${testFile} has no tests. Write them with \`test(name, async () => { … })\` from node:test.`, { actual: run.output });
}

/** `not ok 3 - name` followed by its YAML block's `error: '…'` line, for each failed test or suite. */
function failuresIn(tap: string): string[] {
  const failures: string[] = [];
  const lines = tap.split('\n');
  lines.forEach((line, index) => {
    const failed = /^\s*not ok \d+ - (.*)$/.exec(line);
    if (!failed) return;
    const error = lines.slice(index + 1, index + 12).find((next) => /^\s*error: /.test(next));
    failures.push(`${failed[1]}${error ? ` — ${error.trim().replace(/^error: /, '')}` : ''}`);
  });
  return failures;
}

function tail(text: string): string {
  return text.length > 4000 ? `…${text.slice(-4000)}` : text;
}
