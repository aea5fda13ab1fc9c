/** Check, Solve, Reset, Undo and Restart. Solve and Reset ask first; both can be undone once. */
import { askConfirm } from '../state/confirm-store.ts';
import { workspace } from '../state/workspace-store.ts';
import { helpAllowedFor } from '../inspectors/assessment-store.ts';

async function confirmSolve() {
  const confirmed = await askConfirm({
    title: 'Show the solution?',
    message: 'Your files will be replaced by the reference solution. You can undo this once.',
    confirmLabel: 'Apply solution',
  });
  if (confirmed) workspace.solve();
}

async function confirmReset() {
  const confirmed = await askConfirm({
    title: 'Start over?',
    message: 'Your files will go back to the starter code. You can undo this once.',
    confirmLabel: 'Reset files',
  });
  if (confirmed) workspace.reset();
}

export function WorkspaceToolbar() {
  const undo = workspace.undoSnapshot.value;
  const checking = workspace.checking.value;
  const serverState = workspace.server.value.state;
  const runLabel = serverState === 'running' || serverState === 'starting' ? 'Restart' : 'Run';
  return (
    <div class="toolbar workspace-toolbar" role="group" aria-label="Lesson actions">
      <button type="button" class="primary" onClick={() => void workspace.check()} aria-disabled={checking ? 'true' : undefined} aria-keyshortcuts="Control+Enter Meta+Enter" title="Run the checks (Ctrl/Cmd+Enter)">
        {/* Not `disabled` while running: that would throw keyboard focus out of the toolbar. */}
        Check{checking && <span aria-hidden="true"> …</span>}
      </button>
      {workspace.lesson.value?.meta.kind === 'server' && <button type="button" onClick={() => void workspace.restart()} title="Save your files and (re)start your server (Ctrl/Cmd+S does too)">{runLabel}</button>}
      <span class="toolbar-gap" />
      {workspace.lesson.value && helpAllowedFor(workspace.lesson.value) && <button type="button" onClick={() => void confirmSolve()}>Solve</button>}
      <button type="button" onClick={() => void confirmReset()}>Reset</button>
      <button type="button" onClick={() => workspace.undo()} disabled={!undo} title={undo ? `Undo ${undo.action}` : 'Nothing to undo'}>Undo</button>
    </div>
  );
}
