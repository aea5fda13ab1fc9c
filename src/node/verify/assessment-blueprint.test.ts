import { describe, expect, it } from 'vitest';
import { blueprintProblems } from './assessment-blueprint.ts';

const assessment = (checkList: { id: string; title: string; skill?: string; weight?: number }[]) => ({ id: 'apis/assessment', mode: 'assessment' as const, trackId: 'apis', checkList });

describe('blueprintProblems', () => {
  it('accepts an assessment whose checks cover every lesson of the track', () => {
    const lesson = assessment([
      { id: 'a', title: 'a', skill: 'apis/first-route', weight: 1 },
      { id: 'b', title: 'b', skill: 'apis/validation', weight: 2 },
    ]);
    expect(blueprintProblems(lesson, ['apis/first-route', 'apis/validation'])).toEqual([]);
  });

  it('names a check without a skill, a skill that is not a lesson of the track, and every lesson left ungraded', () => {
    const lesson = assessment([
      { id: 'a', title: 'a' },
      { id: 'b', title: 'b', skill: 'auth/jwt' },
    ]);
    expect(blueprintProblems(lesson, ['apis/first-route', 'apis/validation'])).toEqual([
      "assessment check \"a\" has no `skill`: name the lesson whose skill it grades, e.g. skill: 'apis/…'",
      'assessment check "b" has skill "auth/jwt", which is not a lesson of this track (its lessons: apis/first-route, apis/validation)',
      'the assessment grades no skill of apis/first-route, apis/validation: every lesson of the track needs at least one check with its id as `skill`',
    ]);
  });

  it('leaves ordinary lessons alone, and coverage to full runs', () => {
    expect(blueprintProblems({ ...assessment([{ id: 'a', title: 'a' }]), mode: 'lesson' }, ['apis/x'])).toEqual([]);
    expect(blueprintProblems(assessment([{ id: 'a', title: 'a', skill: 'apis/x' }]), undefined)).toEqual([]);
  });
});
