/**
 * What `lessons:verify` prints: the JSON report (`--json`, `--report`) and one block of lines
 * per lesson for people. Kept apart from the CLI so its shape is unit-tested.
 */
import type { LessonError } from '../../lessons/types.ts';
import type { AlternativeVerdict, LessonVerdict, MutantVerdict } from './verify-lesson.ts';

export interface VerifyReport {
  ok: boolean;
  lessons: {
    id: string;
    kind: string;
    starter: { passed: number; failed: number };
    solution: { passed: number; failed: number };
    mutants: MutantVerdict[];
    alternatives: AlternativeVerdict[];
    ok: boolean;
    /** What breaks a rule, one sentence each. */
    problems: string[];
    /** From its first run queued to its last finished (waits for a slot included). */
    seconds: number;
    /** Its variant runs' wall time added up. */
    runSeconds: number;
    /** Its slowest check on a variant that must pass, in milliseconds: how near a time limit it runs. */
    slowest?: { variant: string; check: string; ms: number };
  }[];
}

export function verifyReport(verdicts: LessonVerdict[], loadErrors: LessonError[]): VerifyReport {
  return {
    ok: loadErrors.length === 0 && verdicts.every((v) => v.ok),
    lessons: verdicts.map(({ id, kind, starter, solution, mutants, alternatives, ok, problems, durationMs, runMs, slowest }) => ({
      id,
      kind,
      starter: { passed: starter.passed, failed: starter.failed },
      solution: { passed: solution.passed, failed: solution.failed },
      mutants: mutants.map(({ name, why, mustFail, failed, ok: caught }) => ({ name, why, mustFail, failed, ok: caught })),
      alternatives: alternatives.map(({ name, ok: passes }) => ({ name, ok: passes })),
      ok,
      problems,
      seconds: Math.round(durationMs / 100) / 10,
      runSeconds: Math.round(runMs / 100) / 10,
      ...(slowest ? { slowest } : {}),
    })),
  };
}

export function describeVerdict(verdict: LessonVerdict): string {
  const count = (outcome: { passed: number; failed: number }): string => `${outcome.passed}/${outcome.passed + outcome.failed}`;
  const parts = [`starter ${count(verdict.starter)} passed`, `solution ${count(verdict.solution)} passed`];
  if (verdict.mutants.length) parts.push(`${verdict.mutants.filter((m) => m.ok).length}/${verdict.mutants.length} mutants caught`);
  if (verdict.alternatives.length) parts.push(`${verdict.alternatives.filter((a) => a.ok).length}/${verdict.alternatives.length} alternatives pass`);
  const slowest = verdict.slowest ? `; slowest check ${(verdict.slowest.ms / 1000).toFixed(1)} s, "${verdict.slowest.check}" on the ${verdict.slowest.variant}` : '';
  const head = `${verdict.ok ? '✓' : '✗'} ${verdict.id} (${verdict.kind}): ${parts.join(', ')} (runs ${(verdict.runMs / 1000).toFixed(1)} s${slowest})`;
  return [head, ...verdict.problems.map((problem) => `    ${problem.replace(/\n/g, '\n    ')}`)].join('\n');
}
