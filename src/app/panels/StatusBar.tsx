/** The header's status: which runtime runs the code (and why), and the learner's server state. */
import { describeRuntime, runtimeChoice } from '../state/runtime-session.ts';
import { workspace, type ServerPillState } from '../state/workspace-store.ts';

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
  return <p class="runtime-status" title={describeRuntime(choice)}>{describeRuntime(choice)}</p>;
}

export function ServerPill() {
  const lesson = workspace.lesson.value;
  const { state, error } = workspace.server.value;
  // SQL lessons run no server of the learner's; only a missing runtime is worth saying.
  if (!lesson || (lesson.meta.kind === 'sql' && state !== 'unavailable')) return null;
  return (
    <div class="server-status" role="status">
      <span class={`pill pill-${state}`}>{PILL_TEXT[state]}</span>
      {error && (state === 'crashed' || state === 'unavailable') && <span class="pill-error" title={error}>{headline(error)}</span>}
    </div>
  );
}

/** The line of a crash report a learner needs first (`Error: …`); the whole text is in the title and the Output panel. */
function headline(error: string): string {
  const lines = error.split('\n').map((line) => line.trim()).filter(Boolean);
  const first = lines[0] ?? error;
  const cause = lines.find((line) => /^[A-Z]\w*Error\b/.test(line));
  return cause && cause !== first ? `${first} ${cause}` : first;
}
