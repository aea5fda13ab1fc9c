/** The header's status: which runtime runs the code (and why), and the learner's server state. */
import { canRetryWebContainers, describeRuntime, retryWebContainersNow, runtimeChoice, runtimeProgress } from '../state/runtime-session.ts';
import type { ServerPillState } from '../state/lesson-runner.ts';
import { workspace } from '../state/workspace-store.ts';
import { crashHeadline } from '../crash-headline.ts';
import { SourceLink } from '../inspectors/StackTraceText.tsx';

const PILL_TEXT: Record<ServerPillState, string> = {
  starting: 'Server starting',
  running: 'Server running',
  crashed: 'Server crashed',
  stopped: 'Server stopped',
  unavailable: 'No runtime',
};

export function RuntimeStatus() {
  const choice = runtimeChoice.value;
  if (!choice && !workspace.lesson.value) return null;
  const text = describeRuntime(choice, runtimeProgress.value);
  return (
    <p class="runtime-status" title={text}>
      {text}
      {canRetryWebContainers.value && (
        <button type="button" class="small link-button" onClick={() => void retryWebContainersNow()}>
          Try WebContainers again
        </button>
      )}
    </p>
  );
}

export function ServerPill() {
  const lesson = workspace.lesson.value;
  const { state, error } = workspace.runner.server.value;
  // SQL lessons run no server of the learner's; only a missing runtime is worth saying.
  if (!lesson || (lesson.meta.kind === 'sql' && state !== 'unavailable')) return null;
  return (
    <div class="server-status" role="status">
      <span class={`pill pill-${state}`}>{PILL_TEXT[state]}</span>
      {error && state === 'unavailable' && <span class="pill-error" title={error}>{error}</span>}
      {error && state === 'crashed' && <CrashReport error={error} />}
    </div>
  );
}

/** The crash's headline (exit code, newest error) and where in the learner's files it happened; the whole report is in the title and the Output panel. */
function CrashReport({ error }: { error: string }) {
  const { text, location } = crashHeadline(error, Object.keys(workspace.files.contents.value));
  return (
    <>
      <span class="pill-error" title={error}>
        {text}
      </span>
      {location && <SourceLink location={location} title={location.text} openFileAt={(path, line, column) => workspace.files.openAt(path, line, column)} />}
    </>
  );
}
