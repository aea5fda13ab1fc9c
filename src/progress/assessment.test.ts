import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../checks/result.ts';
import { formatDuration, helpAllowed, isAssessmentRecord, recordAttempt, scoreAssessment, startAssessment, submitAssessment } from './assessment.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 22, 10, minutes));
const result = (id: string, status: CheckResult['status']): CheckResult => ({ id, title: `Check ${id}`, status, message: status === 'pass' ? 'Passed.' : `Fix ${id}.`, durationMs: 3 });

describe('assessment scoring', () => {
  it('scores 0 of the lesson’s checks before the first Check, with the time running', () => {
    const record = startAssessment('apis/assessment', at(0));
    expect(scoreAssessment(record, 4, at(7))).toEqual({ passed: 0, total: 4, percent: 0, attempts: 0, timeTakenMs: 7 * 60_000, submitted: false });
  });

  it('counts every Check as an attempt and scores the last one at submission', () => {
    let record = startAssessment('apis/assessment', at(0));
    record = recordAttempt(record, [result('a', 'pass'), result('b', 'fail'), result('c', 'timeout')], at(5));
    record = recordAttempt(record, [result('a', 'pass'), result('b', 'pass'), result('c', 'fail')], at(12));
    record = submitAssessment(record, at(13));
    expect(scoreAssessment(record, 3, at(59))).toEqual({
      passed: 2,
      total: 3,
      percent: 67,
      first: { passed: 1, total: 3, percent: 33 },
      attempts: 2,
      timeTakenMs: 13 * 60_000,
      submitted: true,
    });
    expect(record.attempts[0]?.results[1]).toEqual({ id: 'b', title: 'Check b', status: 'fail', message: 'Fix b.' });
  });

  it('freezes the score after submission: later Checks and submissions change nothing', () => {
    let record = submitAssessment(recordAttempt(startAssessment('x', at(0)), [result('a', 'fail')], at(1)), at(2));
    const frozen = record;
    record = recordAttempt(record, [result('a', 'pass')], at(3));
    record = submitAssessment(record, at(4));
    expect(record).toBe(frozen);
    expect(scoreAssessment(record, 1, at(10))).toMatchObject({ passed: 0, percent: 0, attempts: 1, timeTakenMs: 2 * 60_000 });
  });

  it('weighs each check by its blueprint weight and records the skill it grades', () => {
    const blueprint = [
      { id: 'a', title: 'A', skill: 'apis/first-route', weight: 3 },
      { id: 'b', title: 'B', skill: 'apis/status-codes' },
      { id: 'c', title: 'C', weight: 0 },
    ];
    let record = recordAttempt(startAssessment('x', at(0)), [result('a', 'fail'), result('b', 'pass'), result('c', 'pass')], at(1), blueprint);
    record = recordAttempt(record, [result('a', 'pass'), result('b', 'fail'), result('c', 'fail')], at(2), blueprint);
    const score = scoreAssessment(record, 3, at(3));
    // Final: a (3) of 3 + 1 + 0 = 75 %, though only one check of three passed; first: b (1) of 4 = 25 %.
    expect(score).toMatchObject({ passed: 1, total: 3, percent: 75, first: { passed: 2, total: 3, percent: 25 } });
    expect(record.attempts[0]?.results.map(({ skill, weight }) => ({ skill, weight }))).toEqual([
      { skill: 'apis/first-route', weight: 3 },
      { skill: 'apis/status-codes', weight: undefined },
      { skill: undefined, weight: 0 },
    ]);
  });

  it('treats a malformed stored weight as 1', () => {
    const record = recordAttempt(startAssessment('x', at(0)), [result('a', 'pass'), result('b', 'fail')], at(1));
    const tampered = { ...record, attempts: record.attempts.map((attempt) => ({ ...attempt, results: attempt.results.map((r) => ({ ...r, weight: Number.NaN })) })) };
    expect(scoreAssessment(tampered, 2, at(2)).percent).toBe(50);
  });

  it('never divides by zero', () => {
    expect(scoreAssessment(startAssessment('x', at(0)), 0, at(0)).percent).toBe(0);
  });
});

describe('helpAllowed', () => {
  it('hides hints and Solve in an assessment until it is submitted', () => {
    const record = startAssessment('x', at(0));
    expect(helpAllowed('lesson', undefined)).toBe(true);
    expect(helpAllowed('assessment', undefined)).toBe(false);
    expect(helpAllowed('assessment', record)).toBe(false);
    expect(helpAllowed('assessment', submitAssessment(record, at(1)))).toBe(true);
  });
});

describe('formatDuration', () => {
  it('reads like a clock a person uses', () => {
    expect([formatDuration(45_000), formatDuration(12 * 60_000 + 30_000), formatDuration(65 * 60_000)]).toEqual(['45 s', '12 min 30 s', '1 h 05 min']);
  });
});

describe('isAssessmentRecord', () => {
  it('accepts a real record and refuses malformed ones', () => {
    const record = recordAttempt(startAssessment('x', at(0)), [result('a', 'pass')], at(1));
    expect(isAssessmentRecord(JSON.parse(JSON.stringify(record)))).toBe(true);
    expect(isAssessmentRecord({ ...record, startedAt: 'yesterday' })).toBe(false);
    expect(isAssessmentRecord({ ...record, attempts: [{ passed: '1' }] })).toBe(false);
    expect(isAssessmentRecord(null)).toBe(false);
  });
});
