import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../lessons/types.ts';
import type { CheckResult, CheckStatus } from '../../checks/result.ts';
import { summarize } from '../../checks/result.ts';
import { judge, judgeAlternative, judgeMutant, slowestCheck, variantCost, type VariantOutcome } from './verify-lesson.ts';

const lesson = { id: 'apis/first-route', kind: 'server' } as Lesson;
const outcome = (...statuses: CheckStatus[]) => summarize(statuses.map((status, i): CheckResult => ({ id: `c${i}`, title: `c${i}`, status, message: `m${i}`, durationMs: 1 })));

describe('judge', () => {
  it('accepts a starter that fails one check and a solution that passes all', () => {
    expect(judge(lesson, { starter: outcome('pass', 'fail'), solution: outcome('pass', 'pass') })).toMatchObject({ ok: true, problems: [], starter: { passed: 1, failed: 1 }, solution: { passed: 2, failed: 0 } });
  });

  it('counts a timeout in the starter as failing', () => {
    expect(judge(lesson, { starter: outcome('pass', 'timeout'), solution: outcome('pass', 'pass') }).ok).toBe(true);
  });

  it('rejects a starter that already passes everything', () => {
    expect(judge(lesson, { starter: outcome('pass', 'pass'), solution: outcome('pass', 'pass') }).problems).toEqual(['the starter passes all 2 checks; it must fail at least one']);
  });

  it('names each check the solution does not pass', () => {
    expect(judge(lesson, { starter: outcome('fail', 'fail'), solution: outcome('fail', 'timeout') }).problems).toEqual(['the solution fails "c0": m0', 'the solution gets "timeout" on "c1": m1']);
  });

  it('rejects a checker crash even on the starter, and a lesson without checks', () => {
    expect(judge(lesson, { starter: outcome('error', 'fail'), solution: outcome('pass', 'pass') }).problems).toEqual(['the checker crashed on the starter in "c0": m0']);
    expect(judge(lesson, { starter: outcome(), solution: outcome() }).problems).toEqual(['checks.ts defines no checks']);
  });
});

const results = (statuses: Record<string, CheckStatus>): VariantOutcome =>
  summarize(Object.entries(statuses).map(([id, status]): CheckResult => ({ id, title: id, status, message: `${id} said ${status}`, durationMs: 1 })));
const mutant = (mustFail: string[]) => ({ name: 'no-upper-limit', why: 'accepts limit=101', mustFail, files: {} });

describe('judgeMutant', () => {
  it('is caught when every named check fails or times out', () => {
    const judged = judgeMutant(mutant(['limit-edge', 'limit-zero']), results({ 'limit-edge': 'fail', 'limit-zero': 'timeout' }));
    expect(judged).toEqual({ verdict: { name: 'no-upper-limit', why: 'accepts limit=101', mustFail: ['limit-edge', 'limit-zero'], failed: ['limit-edge', 'limit-zero'], ok: true }, problems: [] });
  });

  it('says which rule is not graded when the mutant passes a check it must fail', () => {
    const judged = judgeMutant(mutant(['limit-edge']), results({ 'limit-edge': 'pass' }));
    expect(judged.verdict).toMatchObject({ ok: false, failed: [] });
    expect(judged.problems).toEqual([
      'mutant "no-upper-limit" (accepts limit=101) passes "limit-edge", which it must fail: that rule is stated but not graded. Tighten the check (or fix the mutant so it breaks only that rule).',
    ]);
  });

  it('rejects a checker crash, and a named check that did not run', () => {
    expect(judgeMutant(mutant(['limit-edge']), results({ 'limit-edge': 'error' })).problems).toEqual(['mutant "no-upper-limit" (accepts limit=101) crashes the checker in "limit-edge": limit-edge said error']);
    expect(judgeMutant(mutant(['limit-edge']), results({})).problems).toEqual(['mutant "no-upper-limit" (accepts limit=101): check "limit-edge" did not run']);
  });

  it('makes the lesson fail verification', () => {
    const caughtNot = judgeMutant(mutant(['limit-edge']), results({ 'limit-edge': 'pass' }));
    const verdict = judge(lesson, { starter: outcome('fail'), solution: outcome('pass'), mutants: [caughtNot] });
    expect(verdict.ok).toBe(false);
    expect(verdict.mutants).toEqual([caughtNot.verdict]);
    expect(verdict.problems).toEqual(caughtNot.problems);
  });
});

describe('judgeAlternative', () => {
  it('passes when every check passes, and names each check it does not', () => {
    const alternative = { name: 'router', files: {} };
    expect(judgeAlternative(alternative, results({ a: 'pass', b: 'pass' }))).toEqual({ verdict: { name: 'router', ok: true }, problems: [] });
    expect(judgeAlternative(alternative, results({ a: 'pass', b: 'fail' })).problems).toEqual([
      'alternative "router" (a correct solution written differently) fails "b": b said fail — the check tests a pattern instead of the behaviour, or the alternative is wrong.',
    ]);
  });
});

describe('variantCost', () => {
  it('grows with the checks a run makes, a sql check weighing more than a server one', () => {
    expect(variantCost({ kind: 'server' }, 6)).toBeGreaterThan(variantCost({ kind: 'server' }, 2));
    expect(variantCost({ kind: 'sql' }, 3)).toBeGreaterThan(variantCost({ kind: 'server' }, 3));
    // A mutant running one check still pays for the agent's start.
    expect(variantCost({ kind: 'server' }, 1)).toBeGreaterThan(variantCost({ kind: 'server' }, 0));
    expect(variantCost({ kind: 'server' }, 0)).toBeGreaterThan(0);
  });
});

describe('slowestCheck', () => {
  const timed = (...ms: number[]): VariantOutcome => summarize(ms.map((durationMs, i): CheckResult => ({ id: `c${i}`, title: `c${i}`, status: 'pass', message: '', durationMs })));

  it('names the longest check across the runs it is given, and the run it was on', () => {
    expect(slowestCheck([['starter', timed(40, 900)], ['solution', timed(30, 1200, 10)], ['alternative "a"', timed(5)]])).toEqual({ variant: 'solution', check: 'c1', ms: 1200 });
  });

  it('has nothing to name when no check ran', () => {
    expect(slowestCheck([['starter', timed()]])).toBeUndefined();
  });
});
