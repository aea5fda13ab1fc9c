/**
 * The one result format every check produces, wherever it ran (agent in a WebContainer,
 * local runner, CLI, SQL worker in the page). Modelled on Exercism's test-runner results:
 * the learner's own output travels with the result.
 */
export type CheckStatus = 'pass' | 'fail' | 'error' | 'timeout';

export interface CheckResult {
  id: string;
  title: string;
  /**
   * pass: the learner's code does what the check asks.
   * fail: the learner's code is wrong; `message` says what to do next.
   * error: the checker itself crashed — not the learner's fault, and the message says so.
   * timeout: the check did not finish within its time limit (e.g. an infinite loop).
   */
  status: CheckStatus;
  message: string;
  /** What the check wanted, rendered for humans (JSON text for structured values). */
  expected?: string;
  /** What came back, rendered the same way as `expected` so the two can be diffed. */
  actual?: string;
  hint?: string;
  durationMs: number;
  /** The learner's server output captured while this check ran. */
  logs?: string;
}

export interface CheckRunSummary {
  passed: number;
  failed: number;
  results: CheckResult[];
}

export function summarize(results: CheckResult[]): CheckRunSummary {
  const passed = results.filter((r) => r.status === 'pass').length;
  return { passed, failed: results.length - passed, results };
}
