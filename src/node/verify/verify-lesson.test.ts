import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../lessons/types.ts';
import type { CheckResult, CheckStatus } from '../../checks/result.ts';
import { summarize } from '../../checks/result.ts';
import { judge } from './verify-lesson.ts';

const lesson = { id: 'apis/first-route', kind: 'server' } as Lesson;
const outcome = (...statuses: CheckStatus[]) => summarize(statuses.map((status, i): CheckResult => ({ id: `c${i}`, title: `c${i}`, status, message: `m${i}`, durationMs: 1 })));

describe('judge', () => {
  it('accepts a starter that fails one check and a solution that passes all', () => {
    expect(judge(lesson, outcome('pass', 'fail'), outcome('pass', 'pass'))).toMatchObject({ ok: true, problems: [], starter: { passed: 1, failed: 1 }, solution: { passed: 2, failed: 0 } });
  });

  it('counts a timeout in the starter as failing', () => {
    expect(judge(lesson, outcome('pass', 'timeout'), outcome('pass', 'pass')).ok).toBe(true);
  });

  it('rejects a starter that already passes everything', () => {
    expect(judge(lesson, outcome('pass', 'pass'), outcome('pass', 'pass')).problems).toEqual(['the starter passes all 2 checks; it must fail at least one']);
  });

  it('names each check the solution does not pass', () => {
    expect(judge(lesson, outcome('fail', 'fail'), outcome('fail', 'timeout')).problems).toEqual(['the solution fails "c0": m0', 'the solution gets "timeout" on "c1": m1']);
  });

  it('rejects a checker crash even on the starter, and a lesson without checks', () => {
    expect(judge(lesson, outcome('error', 'fail'), outcome('pass', 'pass')).problems).toEqual(['the checker crashed on the starter in "c0": m0']);
    expect(judge(lesson, outcome(), outcome()).problems).toEqual(['checks.ts defines no checks']);
  });
});
