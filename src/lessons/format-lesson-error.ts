import type { LessonError } from './types.ts';

/** One line for terminals and build output: `lessons/01-apis/02-x/lesson.md: field \`kind\` must be …`. */
export function formatLessonError(error: LessonError): string {
  return `${error.file}: ${error.message}`;
}
