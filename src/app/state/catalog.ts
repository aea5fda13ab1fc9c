/** The lesson index (from the build) and questions about order: which lesson comes next. */
import { tracks } from 'virtual:lessons';
import type { LessonEntry, Track } from '../../lessons/types.ts';

export { tracks };

const lessonsInOrder: LessonEntry[] = tracks.flatMap((track) => track.lessons);

export function findTrack(trackId: string): Track | undefined {
  return tracks.find((track) => track.id === trackId);
}

export function findLessonEntry(lessonId: string): LessonEntry | undefined {
  return lessonsInOrder.find((lesson) => lesson.id === lessonId);
}

export function neighbours(lessonId: string): { previous?: LessonEntry; next?: LessonEntry } {
  const index = lessonsInOrder.findIndex((lesson) => lesson.id === lessonId);
  if (index < 0) return {};
  return { previous: lessonsInOrder[index - 1], next: lessonsInOrder[index + 1] };
}
