/**
 * The authoring rules `lessons:verify` enforces, for one lesson, run through the real agent in
 * real Node:
 *   - its starter fails at least one check, and its solution passes them all;
 *   - every mutant (`mutants/<name>/`, one broken rule laid over the solution) fails each check
 *     it names in `mustFail`: otherwise that rule is stated but not graded;
 *   - every alternative (`alternatives/<name>/`, a correct solution written differently) passes
 *     every check: otherwise a check tests a pattern instead of the behaviour.
 * A check that crashes (`error`) breaks the rules on any variant: it is the author's bug.
 */
import type { FileTree } from '../../runtime/runtime.ts';
import type { AuthoredLesson, Lesson, LessonAlternative, LessonKind, LessonMutant } from '../../lessons/types.ts';
import type { CheckResult } from '../../checks/result.ts';
import { workspaceFiles } from '../../agent/workspace-files.ts';
import { datasetPath } from '../../agent/workspace-paths.ts';
import { errorText } from '../../shared/error-text.ts';
import { datasetBytes } from '../datasets.ts';
import { blueprintProblems } from './assessment-blueprint.ts';
import type { AgentPool } from './agent-pool.ts';
import type { Limiter } from './create-limiter.ts';

export interface VariantOutcome {
  passed: number;
  failed: number;
  results: CheckResult[];
}

export interface MutantVerdict {
  name: string;
  why: string;
  /** The checks this mutant must fail… */
  mustFail: string[];
  /** …and the ones it did fail (status `fail` or `timeout`). */
  failed: string[];
  ok: boolean;
}

export interface AlternativeVerdict {
  name: string;
  ok: boolean;
}

export interface LessonVerdict {
  id: string;
  kind: LessonKind;
  starter: VariantOutcome;
  solution: VariantOutcome;
  mutants: MutantVerdict[];
  alternatives: AlternativeVerdict[];
  ok: boolean;
  /** Why the lesson breaks a rule, one sentence each (empty when ok). */
  problems: string[];
  /** From the lesson's first run queued to its last run finished, waits for a free slot included. */
  durationMs: number;
  /** The wall time of its variant runs added up: what the lesson costs a verify. */
  runMs: number;
  /** Its slowest check on a variant that must pass (starter, solution, alternatives), to see how near a time limit it runs. */
  slowest?: { variant: string; check: string; ms: number };
}

/** `.agent/datasets/…` for a `sql` lesson; nothing for a server lesson. */
export async function lessonDatasetFiles(lessonsDir: string, lesson: Lesson): Promise<FileTree> {
  const name = lesson.meta.dataset;
  if (!name) return {};
  const [visible, hidden] = await Promise.all([datasetBytes(lessonsDir, name, 'visible'), datasetBytes(lessonsDir, name, 'hidden')]);
  return { [datasetPath(name, 'visible')]: visible, [datasetPath(name, 'hidden')]: hidden };
}

/**
 * Verification runs many servers at once on a busy CI machine, where a correct server can
 * take longer than a learner's 5 s to listen; a slow start must not read as a broken lesson.
 */
const VERIFY_START_TIMEOUT_MS = 20_000;

/**
 * What one variant run costs, in units of a typical server-lesson check (≈ 0.25 s), for the
 * limiter to start the longest runs first. Measured on a 2-core machine (2026-11-26): a run's
 * fixed part took 1.0–1.6 s with an agent started per run, 0.5–1 s CPU on a pooled agent
 * (agent-pool.ts) — mostly the learner's server start (more with MSW or sql.js loaded), then the checks worker;
 * a `sql` check, which opens the 1.6 MB dataset four times and runs the learner's query and the
 * reference on both variants, 0.3–2.6 s. Only the ranking matters, not the unit.
 */
const RUN_START_COST = 5;
const CHECK_COST: Record<LessonKind, number> = { server: 1, sql: 4 };

export function variantCost(lesson: Pick<Lesson, 'kind'>, checksRun: number): number {
  return RUN_START_COST + checksRun * CHECK_COST[lesson.kind];
}

export interface VerifyInputs {
  lessonsDir: string;
  runtimeFiles: Record<string, string>;
  /** Shared by every lesson, so variant runs across the curriculum fit the machine. */
  limit: Limiter;
  /** The agents the runs take turns on, shared like `limit` (and as large as its limit). */
  agents: AgentPool;
  /** The ids of the lesson's track's other lessons (assessment coverage); undefined on a partial load. */
  trackLessonIds?: string[];
}

/** Runs every variant of the lesson and judges them; a lesson whose runs cannot even start gets that as its problem. */
export async function verifyLesson(lesson: AuthoredLesson, { lessonsDir, runtimeFiles, limit, agents, trackLessonIds }: VerifyInputs): Promise<LessonVerdict> {
  const started = Date.now();
  let runMs = 0;
  try {
    // Not awaited before the runs are queued: every lesson's runs join the queue in the same
    // turn, so the limiter ranks them all by cost before the first starts.
    const datasets = lessonDatasetFiles(lessonsDir, lesson);
    datasets.catch(() => undefined); // awaited (and reported) by each run; this only marks it handled until then
    const run = (files: Record<string, string>, only?: string[]): Promise<VariantOutcome> =>
      limit(async () => {
        const runStarted = performance.now();
        try {
          const tree = { ...workspaceFiles(lesson, files, runtimeFiles, { startTimeoutMs: VERIFY_START_TIMEOUT_MS }), ...(await datasets) };
          const summary = await agents.run(tree, only ? { only } : {});
          return { passed: summary.passed, failed: summary.failed, results: summary.results };
        } finally {
          runMs += performance.now() - runStarted;
        }
      }, variantCost(lesson, only?.length ?? lesson.checkList.length));
    const [starter, solution, mutants, alternativeRuns] = await Promise.all([
      run(lesson.starter),
      run(lesson.solution),
      // Only the checks a mutant names run for it: the loader has made sure they exist.
      Promise.all(lesson.mutants.map(async (mutant) => judgeMutant(mutant, await run(mutant.files, mutant.mustFail)))),
      Promise.all(lesson.alternatives.map(async (alternative) => ({ alternative, outcome: await run(alternative.files) }))),
    ]);
    const alternatives = alternativeRuns.map(({ alternative, outcome }) => judgeAlternative(alternative, outcome));
    const verdict = judge(lesson, { starter, solution, mutants, alternatives }, Date.now() - started, Math.round(runMs));
    const slowest = slowestCheck([['starter', starter], ['solution', solution], ...alternativeRuns.map(({ alternative, outcome }): [string, VariantOutcome] => [`alternative "${alternative.name}"`, outcome])]);
    if (slowest) verdict.slowest = slowest;
    const blueprint = blueprintProblems(lesson, trackLessonIds);
    return blueprint.length ? { ...verdict, ok: false, problems: [...verdict.problems, ...blueprint] } : verdict;
  } catch (error) {
    return { id: lesson.id, kind: lesson.kind, starter: none(), solution: none(), mutants: [], alternatives: [], ok: false, problems: [`its checks could not run: ${errorText(error)}`], durationMs: Date.now() - started, runMs: Math.round(runMs) };
  }
}

const none = (): VariantOutcome => ({ passed: 0, failed: 0, results: [] });

/** The longest check among these runs (mutants are left out: a mutant that loops forever is meant to time out). */
export function slowestCheck(runs: [variant: string, outcome: VariantOutcome][]): LessonVerdict['slowest'] {
  let slowest: LessonVerdict['slowest'];
  for (const [variant, outcome] of runs) {
    for (const result of outcome.results) {
      if (!slowest || result.durationMs > slowest.ms) slowest = { variant, check: result.id, ms: result.durationMs };
    }
  }
  return slowest;
}

export interface JudgedVariants {
  starter: VariantOutcome;
  solution: VariantOutcome;
  mutants?: { verdict: MutantVerdict; problems: string[] }[];
  alternatives?: { verdict: AlternativeVerdict; problems: string[] }[];
}

export function judge(lesson: Pick<Lesson, 'id' | 'kind'>, { starter, solution, mutants = [], alternatives = [] }: JudgedVariants, durationMs = 0, runMs = 0): LessonVerdict {
  const problems: string[] = [];
  const total = solution.results.length;
  if (total === 0) problems.push('checks.ts defines no checks');
  if (total > 0 && starter.failed === 0) problems.push(`the starter passes all ${total} checks; it must fail at least one`);
  for (const result of solution.results) {
    if (result.status !== 'pass') problems.push(`the solution ${result.status === 'fail' ? 'fails' : `gets "${result.status}" on`} "${result.id}": ${result.message}`);
  }
  for (const result of starter.results) {
    if (result.status === 'error') problems.push(`the checker crashed on the starter in "${result.id}": ${result.message}`);
  }
  for (const judged of [...mutants, ...alternatives]) problems.push(...judged.problems);
  return {
    id: lesson.id,
    kind: lesson.kind,
    starter,
    solution,
    mutants: mutants.map((m) => m.verdict),
    alternatives: alternatives.map((a) => a.verdict),
    ok: problems.length === 0,
    problems,
    durationMs,
    runMs,
  };
}

const failing = (result: CheckResult): boolean => result.status === 'fail' || result.status === 'timeout';

/** A mutant is caught when every check it names fails (or times out) and none of them crashes the checker. */
export function judgeMutant(mutant: LessonMutant, outcome: VariantOutcome): { verdict: MutantVerdict; problems: string[] } {
  const label = `mutant "${mutant.name}" (${mutant.why})`;
  const byId = new Map(outcome.results.map((result) => [result.id, result]));
  const failed = mutant.mustFail.filter((id) => {
    const result = byId.get(id);
    return result !== undefined && failing(result);
  });
  const problems: string[] = [];
  for (const id of mutant.mustFail) {
    const result = byId.get(id);
    if (!result) problems.push(`${label}: check "${id}" did not run`);
    else if (result.status === 'pass') problems.push(`${label} passes "${id}", which it must fail: that rule is stated but not graded. Tighten the check (or fix the mutant so it breaks only that rule).`);
    else if (result.status === 'error') problems.push(`${label} crashes the checker in "${id}": ${result.message}`);
  }
  return { verdict: { name: mutant.name, why: mutant.why, mustFail: mutant.mustFail, failed, ok: problems.length === 0 }, problems };
}

/** An alternative is a correct answer: it must pass every check. */
export function judgeAlternative(alternative: LessonAlternative, outcome: VariantOutcome): { verdict: AlternativeVerdict; problems: string[] } {
  const problems = outcome.results
    .filter((result) => result.status !== 'pass')
    .map((result) => `alternative "${alternative.name}" (a correct solution written differently) ${result.status === 'fail' ? 'fails' : `gets "${result.status}" on`} "${result.id}": ${result.message} — the check tests a pattern instead of the behaviour, or the alternative is wrong.`);
  if (outcome.results.length === 0) problems.push(`alternative "${alternative.name}" ran no checks`);
  return { verdict: { name: alternative.name, ok: problems.length === 0 }, problems };
}
