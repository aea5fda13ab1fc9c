/** The home view (all tracks) and a track's view (its lessons). */
import type { Track } from '../../lessons/types.ts';
import { findTrack, tracks } from '../state/catalog.ts';
import { completedLessons } from '../state/progress-store.ts';
import { lessonHref, trackHref } from '../state/route.ts';

export function HomeView() {
  return (
    <div class="home">
      <h1>Learn back-end development by building real servers</h1>
      <p>Pick a track, read a lesson, change the server, and press <strong>Check</strong> to see exactly what works.</p>
      {tracks.length === 0 ? (
        <p>No lessons yet.</p>
      ) : (
        <ul class="track-cards">
          {tracks.map((track) => (
            <li key={track.id} class="track-card">
              <h2><a href={trackHref(track.id)}>{track.title}</a></h2>
              <p>{track.summary}</p>
              <p class="muted">{progressLine(track)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function TrackView({ trackId }: { trackId: string }) {
  const track = findTrack(trackId);
  if (!track) {
    return (
      <div class="home">
        <h1>No track called "{trackId}"</h1>
        <p><a href="#/">See all tracks</a></p>
      </div>
    );
  }
  const done = completedLessons.value;
  return (
    <div class="home">
      <h1>{track.title}</h1>
      <p>{track.summary}</p>
      <ol class="lesson-list">
        {track.lessons.map((lesson) => (
          <li key={lesson.id}>
            <a href={lessonHref(lesson.id)}>{lesson.title}</a>
            <span class="muted"> · {lesson.minutes} min{lesson.mode === 'assessment' ? ' · self-assessment' : ''}{done.has(lesson.id) ? ' · completed' : ''}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function progressLine(track: Track): string {
  const done = track.lessons.filter((lesson) => completedLessons.value.has(lesson.id)).length;
  return `${done} of ${track.lessons.length} lessons completed`;
}
