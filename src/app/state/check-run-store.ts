/**
 * One lesson's check runs as the checks panel shows them: whether checks are running, each
 * result as it arrives, why a run could not happen at all, and — for assessments — each run
 * recorded as an attempt. How the checks execute (agent or SQL worker) is the runner's job.
 */
import { batch, signal } from '@preact/signals';
import type { CheckResult, CheckRunSummary } from '../../checks/result.ts';
import type { Lesson } from '../../lessons/types.ts';
import { errorText } from '../../shared/error-text.ts';
import { assessmentStore } from './assessment-store.ts';

export type ExecuteChecks = (onResult: (result: CheckResult) => void) => Promise<CheckRunSummary>;

export class CheckRunStore {
  readonly results = signal<Record<string, CheckResult>>({});
  readonly running = signal(false);
  /** Why the last check run could not run at all (no runtime, agent gone…), shown in the checks panel. */
  readonly problem = signal<string | undefined>(undefined);
  readonly #announce: (text: string) => void;

  /** `announce` speaks the run's progress and outcome to screen readers. */
  constructor(announce: (text: string) => void) {
    this.#announce = announce;
  }

  /** A new lesson starts with no results. */
  clear(): void {
    batch(() => {
      this.results.value = {};
      this.running.value = false;
      this.problem.value = undefined;
    });
  }

  /**
   * Runs the lesson's checks once. Resolves with whether every check passed, or undefined when
   * `signal` (the lesson's) fired meanwhile: then nothing of the run is shown.
   */
  async run(lesson: Lesson, execute: ExecuteChecks, signal: AbortSignal): Promise<boolean | undefined> {
    batch(() => {
      this.running.value = true;
      this.results.value = {};
      this.problem.value = undefined;
    });
    this.#announce('Running checks…');
    const onResult = (result: CheckResult) => {
      if (!signal.aborted) this.results.value = { ...this.results.peek(), [result.id]: result };
    };
    try {
      const summary = await execute(onResult);
      if (signal.aborted) return undefined;
      if (lesson.meta.mode === 'assessment') void assessmentStore.recordAttempt(lesson.id, summary.results, lesson.checkList);
      const total = summary.results.length;
      this.results.value = Object.fromEntries(summary.results.map((result) => [result.id, result]));
      this.#announce(`${summary.passed} of ${total} checks passed${summary.passed === total ? ' — lesson complete!' : '.'}`);
      return total > 0 && summary.passed === total;
    } catch (error) {
      if (signal.aborted) return undefined;
      this.problem.value = `The checks could not run: ${errorText(error)}`;
      this.#announce(this.problem.peek()!);
      return false;
    } finally {
      if (!signal.aborted) this.running.value = false;
    }
  }
}
