/**
 * Check for `sql` lessons with no runtime: the lesson's compiled checks run in the page's SQL
 * worker against the lesson's two datasets and the learner's current files.
 */
import type { CheckResult } from '../checks/result.ts';
import type { Lesson } from '../lessons/types.ts';
import { sqlClient } from './sql-client.ts';

export function checkSqlLessonInPage(lesson: Lesson, files: Record<string, string>, onResult: (result: CheckResult) => void) {
  if (!lesson.datasetUrls) {
    return Promise.reject(new Error(`The lesson ${lesson.id} has no dataset (set \`dataset:\` in its lesson.md), so its checks cannot run in the page.`));
  }
  return sqlClient().runChecks({ checksModule: lesson.checksModule, datasetUrls: lesson.datasetUrls, files }, onResult);
}
