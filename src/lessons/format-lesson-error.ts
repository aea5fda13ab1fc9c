import type { LessonError } from './types.ts';

/** `file:line:col` when the error has a position (type errors), else the file: editors and terminals make it a link. */
function lessonErrorLocation(error: LessonError): string {
  return `${error.file}${error.line ? `:${error.line}${error.column ? `:${error.column}` : ''}` : ''}`;
}

/** One line for terminals and build output: `lessons/01-apis/02-x/lesson.md: field \`kind\` must be …`. */
export function formatLessonError(error: LessonError): string {
  return `${lessonErrorLocation(error)}: ${error.message}`;
}
