/**
 * The check runner: runs a lesson's checks one after another against a CheckEnvironment and
 * reports one CheckResult per check as soon as it is known. Isomorphic (no Node, no DOM).
 *
 * Every check is raced against its time limit; after a timeout the environment recovers
 * (restarts a server stuck in a loop) so one bad handler costs one check. A CheckFailure is
 * the learner's bug (`fail`); anything else thrown is the checker's crash (`error`).
 *
 * Before each check the server's clock is reset; a check with `freshServer` or `env` gets a
 * restarted server (with that environment), and the check after an `env` check gets the
 * default environment back. Otherwise checks share one server, in order.
 */
import type { Check, CheckContext, LessonChecks, ServerEnv, UpstreamScript } from './define.ts';
import type { CheckResult } from './result.ts';
import type { CheckEnvironment } from './environment.ts';
import { isCheckFailure } from './check-failure.ts';
import { createCheckScope } from './check-context.ts';
import { runFileCheck } from './file-check.ts';
import { runHttpSteps } from './http-steps.ts';
import { runSqlCheck } from './sql-check.ts';
import { renderValue } from './render-value.ts';
import { errorText } from '../shared/error-text.ts';

export const DEFAULT_CHECK_TIMEOUT_MS = 5000;

export interface RunChecksOptions {
  /** Run only the checks with these ids. */
  only?: string[];
}

export async function runChecks(
  lessonChecks: LessonChecks,
  env: CheckEnvironment,
  onResult: (result: CheckResult) => void = () => {},
  options: RunChecksOptions = {},
): Promise<CheckResult[]> {
  assertLessonChecks(lessonChecks);
  const results: CheckResult[] = [];
  // Set for every check, even when unchanged: each check starts its scripted sequences over.
  const setUpstream = (script: UpstreamScript): Promise<void> => env.setUpstream(script);
  // A check with its own `env` leaves the server running with it; the next check (or the end
  // of the run, for the learner's sake) starts it again with the default environment.
  let envChanged = false;
  for (const check of lessonChecks.checks) {
    if (options.only && !options.only.includes(check.id)) continue;
    const restart = check.env !== undefined || check.freshServer === true || envChanged ? { env: check.env } : undefined;
    envChanged = check.env !== undefined;
    const result = await runOne(check, lessonChecks.upstream ?? {}, env, setUpstream, restart);
    results.push(result);
    onResult(result);
  }
  if (envChanged) await restartQuietly(env);
  return results;
}

function assertLessonChecks(value: unknown): asserts value is LessonChecks {
  const checks = (value as { checks?: unknown } | null)?.checks;
  if (!Array.isArray(checks)) {
    throw new Error('checks.ts must `export default defineChecks({ checks: [...] })`; its default export has no `checks` array');
  }
}

type Outcome = { kind: 'done' } | { kind: 'thrown'; error: unknown } | { kind: 'timeout' };

async function runOne(
  check: Check,
  lessonUpstream: UpstreamScript,
  env: CheckEnvironment,
  setUpstream: (script: UpstreamScript) => Promise<void>,
  restart: { env: ServerEnv | undefined } | undefined,
): Promise<CheckResult> {
  const outputMark = env.outputMark();
  const prepared = await prepareServer(env, restart);
  // Starting the server is the runner's cost, not the check's: the clock starts after it.
  const started = Date.now();
  const timeoutMs = check.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const base = { id: check.id, title: check.title };
  const finish = ({ logs: given, ...result }: Omit<CheckResult, 'id' | 'title' | 'durationMs'>, durationMs = Date.now() - started): CheckResult => {
    const logs = given ?? env.outputSince(outputMark);
    return { ...base, ...result, ...(result.status !== 'pass' && check.hint ? { hint: check.hint } : {}), ...(logs ? { logs } : {}), durationMs };
  };

  let outcome: Outcome;
  let scope: ReturnType<typeof createCheckScope> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    if (prepared.kind === 'thrown') throw prepared.error;
    await setUpstream(check.upstream ?? lessonUpstream);
    const upstreamCallsBefore = (await env.upstreamCalls()).length;
    scope = createCheckScope({ env, deadline: started + timeoutMs, outputMark, upstreamCallsBefore, setUpstream });
    const body = runBody(check, scope.context).then(
      (): Outcome => ({ kind: 'done' }),
      (error: unknown): Outcome => ({ kind: 'thrown', error }),
    );
    const deadline = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'timeout' }), Math.max(0, started + timeoutMs - Date.now()));
    });
    outcome = await Promise.race([body, deadline]);
  } catch (error) {
    // setUpstream / upstreamCalls failing is the environment's problem, reported like any checker crash.
    outcome = { kind: 'thrown', error };
  } finally {
    clearTimeout(timer);
    scope?.close();
  }

  switch (outcome.kind) {
    case 'done':
      return finish({ status: 'pass', message: 'Passed.' });
    case 'timeout': {
      // The check's time is what it took to give up; restarting the server is the runner's cost.
      const durationMs = Date.now() - started;
      const logs = env.outputSince(outputMark);
      await recoverQuietly(env);
      return finish(
        {
          status: 'timeout',
          message: `This check did not finish within ${timeoutMs / 1000} s. Look for an infinite loop, or a request your server never answers (a route that never sends a response).`,
          logs,
        },
        durationMs,
      );
    }
    case 'thrown': {
      const { error } = outcome;
      if (isCheckFailure(error)) {
        return finish({
          status: 'fail',
          // A helper that could not prepare the check says so under the check's own rule.
          message: error.kind === 'setup' ? `Could not test "${check.title}" yet: ${error.message}` : error.message,
          ...('expected' in error ? { expected: renderValue(error.expected) } : {}),
          ...('actual' in error ? { actual: renderValue(error.actual) } : {}),
          ...(error.logs !== undefined ? { logs: error.logs } : {}),
        });
      }
      const message = errorText(error);
      const stack = error instanceof Error && error.stack ? `\n\n${error.stack}` : '';
      return finish({ status: 'error', message: `The checker crashed — this is not your fault: ${message}`, logs: `${env.outputSince(outputMark)}${stack}`.trim() });
    }
  }
}

async function runBody(check: Check, t: CheckContext): Promise<void> {
  if ('steps' in check) {
    await runHttpSteps(check.steps, t);
  } else if ('file' in check) {
    await runFileCheck(check, t);
  } else if ('sql' in check) {
    await runSqlCheck(check, t);
  } else if ('db' in check) {
    if (check.db.before) await runHttpSteps(check.db.before, t);
    await check.db.assert(await t.openDatabase(check.db.path), t);
  } else if ('run' in check) {
    await check.run(t);
  } else {
    throw new Error(`check "${(check as { id: string }).id}" has none of steps, file, sql, db or run`);
  }
}

/**
 * Before every check: the server's clock back to the real time, and a restart when the check
 * wants a fresh server or its own environment (or the previous check had one).
 */
async function prepareServer(env: CheckEnvironment, restart: { env: ServerEnv | undefined } | undefined): Promise<Outcome> {
  try {
    if (restart) await env.restartServer(restart.env === undefined ? {} : { env: restart.env });
    await env.resetClock();
    return { kind: 'done' };
  } catch (error) {
    return { kind: 'thrown', error };
  }
}

async function restartQuietly(env: CheckEnvironment): Promise<void> {
  try {
    await env.restartServer();
  } catch {
    // The learner sees their server's state in the output panel; the results are already out.
  }
}

async function recoverQuietly(env: CheckEnvironment): Promise<void> {
  try {
    await env.recover();
  } catch {
    // The next check reports the server's state itself (e.g. "your server is not running").
  }
}
