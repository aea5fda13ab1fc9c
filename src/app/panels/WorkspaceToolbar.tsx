/** Check, Run, Solve, Reset and Undo. "Run" (as lessons and the README say) also restarts a running server. Solve and Reset ask first; both can be undone once. */
import { askConfirm } from '../state/confirm-store.ts';
import { workspace } from '../state/workspace-store.ts';
import { helpAllowedFor } from '../state/assessment-store.ts';
import { KeyboardHelp } from './KeyboardHelp.tsx';

/** Solve and Reset both replace the learner's files, so each asks first and acts only on yes. */
async function confirmThen(request: Parameters<typeof askConfirm>[0], act: () => void) {
  if (await askConfirm(request)) act();
}

const SOLVE_REQUEST = {
  title: 'Show the solution?',
  message: 'Your files will be replaced by the reference solution. You can undo this once.',
  confirmLabel: 'Apply solution',
};

const RESET_REQUEST = {
  title: 'Start over?',
  message: 'Your files will go back to the starter code. You can undo this once.',
  confirmLabel: 'Reset files',
};

export function WorkspaceToolbar() {
  const undo = workspace.files.undoSnapshot.value;
  const checking = workspace.checks.running.value;
  const kind = workspace.lesson.value?.meta.kind;
  return (
    <div class="toolbar workspace-toolbar" role="group" aria-label="Lesson actions">
      <button type="button" class="primary" onClick={() => void workspace.check()} aria-disabled={checking ? 'true' : undefined} aria-keyshortcuts={kind === 'sql' ? undefined : 'Control+Enter Meta+Enter'} title={kind === 'sql' ? 'Run the checks' : 'Run the checks (Ctrl/Cmd+Enter)'}>
        {/* Not `disabled` while running: that would throw keyboard focus out of the toolbar. */}
        Check{checking && <span aria-hidden="true"> …</span>}
      </button>
      {kind === 'server' && <button type="button" onClick={() => void workspace.runner.restart()} title="Save your files and start your server, or restart it (Ctrl/Cmd+S does too)">Run</button>}
      <span class="toolbar-gap" />
      <KeyboardHelp kind={kind} />
      {workspace.lesson.value && helpAllowedFor(workspace.lesson.value) && <button type="button" onClick={() => void confirmThen(SOLVE_REQUEST, () => workspace.solve())}>Solve</button>}
      <button type="button" onClick={() => void confirmThen(RESET_REQUEST, () => workspace.reset())}>Reset</button>
      <button type="button" onClick={() => workspace.files.undo()} disabled={!undo} title={undo ? `Undo ${undo.action}` : 'Nothing to undo'}>Undo</button>
    </div>
  );
}
