/** One lesson: its text beside the workspace. Broken or missing lessons say why, in place. */
import { useEffect } from 'preact/hooks';
import type { LessonError } from '../../lessons/types.ts';
import { findLessonEntry } from '../state/catalog.ts';
import { workspace } from '../state/workspace-store.ts';
import { LessonText } from './LessonText.tsx';
import { SplitPane } from './SplitPane.tsx';
import { WorkspacePanel } from './WorkspacePanel.tsx';

export function LessonView({ lessonId }: { lessonId: string }) {
  const entry = findLessonEntry(lessonId);
  useEffect(() => {
    if (entry && !entry.error) void workspace.open(lessonId);
  }, [lessonId, entry]);

  if (!entry) {
    return (
      <div class="home">
        <h1>No lesson called "{lessonId}"</h1>
        <p>The link may be old. <a href="#/">See all tracks</a>.</p>
      </div>
    );
  }
  if (entry.error) return <BrokenLesson title={entry.title} error={entry.error} />;
  const loadError = workspace.loadError.value;
  if (loadError) return <BrokenLesson title={entry.title} error={{ file: `lessons for ${lessonId}`, message: loadError }} />;
  const lesson = workspace.lesson.value;
  if (!lesson || lesson.id !== lessonId) return <p class="loading" role="status">Loading “{entry.title}”…</p>;
  return <SplitPane class="lesson-split" direction="row" label="Resize lesson text" initial={36} min={20} max={70} first={<LessonText lesson={lesson} />} second={<WorkspacePanel />} />;
}

function BrokenLesson({ title, error }: { title: string; error: LessonError }) {
  return (
    <div class="home broken-lesson" role="alert">
      <h1>“{title}” cannot be shown</h1>
      <p>This lesson has a problem its author needs to fix:</p>
      <p>
        <code>{error.file}</code>
        {error.field && <> — field <code>{error.field}</code></>}
      </p>
      <pre class="crash-detail">{error.message}</pre>
      <p><a href="#/">Back to all tracks</a></p>
    </div>
  );
}
