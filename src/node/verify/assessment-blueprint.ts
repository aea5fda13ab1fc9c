/**
 * The blueprint rule for self-assessments: every check names the skill it grades (`skill`,
 * the id of a lesson of the same track) and what it weighs, and every lesson of the track is
 * graded by at least one check — so a score means "you can do what this track taught", not
 * "you got lucky on the parts we happened to test".
 */
import type { Lesson } from '../../lessons/types.ts';

/**
 * @param trackLessonIds the ids of the track's other lessons, or `undefined` when only part of
 *   the curriculum was loaded (`--filter`), where coverage cannot be judged
 */
export function blueprintProblems(lesson: Pick<Lesson, 'id' | 'mode' | 'trackId' | 'checkList'>, trackLessonIds: string[] | undefined): string[] {
  if (lesson.mode !== 'assessment') return [];
  const problems: string[] = [];
  for (const check of lesson.checkList) {
    if (check.skill === undefined) {
      problems.push(`assessment check "${check.id}" has no \`skill\`: name the lesson whose skill it grades, e.g. skill: '${lesson.trackId}/…'`);
    } else if (trackLessonIds && !trackLessonIds.includes(check.skill)) {
      problems.push(`assessment check "${check.id}" has skill "${check.skill}", which is not a lesson of this track (its lessons: ${trackLessonIds.join(', ')})`);
    }
  }
  if (trackLessonIds) {
    const graded = new Set(lesson.checkList.map((check) => check.skill));
    const missing = trackLessonIds.filter((id) => !graded.has(id));
    if (missing.length) problems.push(`the assessment grades no skill of ${missing.join(', ')}: every lesson of the track needs at least one check with its id as \`skill\``);
  }
  return problems;
}
