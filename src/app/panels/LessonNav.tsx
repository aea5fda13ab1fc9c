/** Table of contents: tracks and their lessons, with completion marks and the current lesson. */
import type { LessonEntry } from '../../lessons/types.ts';
import { tracks } from '../state/catalog.ts';
import { completedLessons } from '../state/progress-store.ts';
import { AssessmentScoreBadge } from '../inspectors/AssessmentScoreBadge.tsx';
import { lessonHref, trackHref } from '../state/route.ts';
import { route } from '../state/router.ts';

export function LessonNav() {
  const current = route.value.view === 'lesson' ? route.value.lessonId : undefined;
  const done = completedLessons.value;
  if (tracks.length === 0) return <p>No lessons yet.</p>;
  return (
    <ol class="toc">
      {tracks.map((track) => (
        <li key={track.id}>
          <a class="toc-track" href={trackHref(track.id)}>{track.title}</a>
          <ol>
            {track.lessons.map((lesson: LessonEntry) => (
              <li key={lesson.id}>
                <a href={lessonHref(lesson.id)} aria-current={lesson.id === current ? 'page' : undefined} class={lesson.error ? 'toc-broken' : undefined}>
                  <span class={`mark ${done.has(lesson.id) ? 'mark-done' : ''}`} aria-hidden="true">{done.has(lesson.id) ? '✓' : '○'}</span>
                  {lesson.title}
                  {lesson.mode === 'assessment' && <AssessmentScoreBadge lessonId={lesson.id} />}
                  {done.has(lesson.id) && <span class="visually-hidden"> (completed)</span>}
                  {lesson.error && <span class="visually-hidden"> (broken)</span>}
                </a>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
