/** The application shell: header (status, progress), lesson navigation, and the routed main view. */
import { useEffect } from 'preact/hooks';
import { ConfirmDialog } from './panels/ConfirmDialog.tsx';
import { ErrorBoundary } from './panels/ErrorBoundary.tsx';
import { HomeView, TrackView } from './panels/HomeView.tsx';
import { LessonNav } from './panels/LessonNav.tsx';
import { LessonView } from './panels/LessonView.tsx';
import { ProgressMenu } from './panels/ProgressMenu.tsx';
import { RuntimeStatus, ServerPill } from './panels/StatusBar.tsx';
import { lessonsHidden } from './state/layout-store.ts';
import { loadProgress } from './state/progress-store.ts';
import { route } from './state/router.ts';
import { workspace } from './state/workspace-store.ts';

export function App() {
  useEffect(() => void loadProgress(), []);
  const current = route.value;
  // Leaving the lessons for the home or a track page stops the learner's server.
  useEffect(() => {
    if (current.view !== 'lesson') workspace.leave();
  }, [current.view]);
  return (
    <div class={`shell ${lessonsHidden.value ? 'shell-nav-hidden' : ''}`}>
      <a class="skip-link" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header class="shell-header">
        <button
          type="button"
          class="small nav-toggle"
          aria-expanded={!lessonsHidden.value}
          aria-controls="lesson-nav"
          onClick={() => (lessonsHidden.value = !lessonsHidden.value)}
        >
          {lessonsHidden.value ? 'Show lessons' : 'Hide lessons'}
        </button>
        <a class="brand" href="#/">Backend Playground</a>
        <RuntimeStatus />
        <ServerPill />
        <ProgressMenu />
      </header>
      <nav class="shell-nav" id="lesson-nav" aria-label="Lessons" hidden={lessonsHidden.value}>
        <LessonNav />
      </nav>
      <main class={`shell-main ${current.view === 'lesson' ? 'shell-main-lesson' : ''}`} id="main" tabIndex={-1}>
        {/* Keyed by route: navigating away from a view that failed gives the next view a fresh start. */}
        <ErrorBoundary key={JSON.stringify(current)}>
          {current.view === 'home' && <HomeView />}
          {current.view === 'track' && <TrackView trackId={current.trackId} />}
          {current.view === 'lesson' && <LessonView lessonId={current.lessonId} />}
        </ErrorBoundary>
      </main>
      <p class="visually-hidden" role="status" aria-live="polite">{workspace.announcement.value}</p>
      <ConfirmDialog />
    </div>
  );
}
