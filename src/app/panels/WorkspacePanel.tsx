/** The workspace: toolbar, files, editor, output and inspectors, and checks, in resizable panes. */
import { useEffect } from 'preact/hooks';
import { workspace } from '../state/workspace-store.ts';
import { ChecksPanel } from './ChecksPanel.tsx';
import { EditorPanel } from './EditorPanel.tsx';
import { FileTree } from './FileTree.tsx';
import { InspectorArea } from './InspectorArea.tsx';
import { SplitPane } from './SplitPane.tsx';
import { WorkspaceToolbar } from './WorkspaceToolbar.tsx';
import { WorkspaceAssessmentBar } from '../inspectors/WorkspaceAssessmentBar.tsx';

export function WorkspacePanel() {
  useEffect(() => {
    // The same shortcuts as inside the editor, for when focus is elsewhere in the workspace.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey)) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        // As in the editor: `sql` lessons Run the query, server lessons Check.
        if (workspace.lesson.peek()?.meta.kind === 'sql') workspace.runQuery();
        else void workspace.check();
      } else if (event.key === 's' || event.key === 'S') {
        event.preventDefault();
        void workspace.save();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <section class="workspace" aria-label="Workspace">
      <WorkspaceToolbar />
      <WorkspaceAssessmentBar />
      <SplitPane
        class="workspace-split"
        direction="column"
        label="Resize editor and results"
        initial={58}
        first={<SplitPane direction="row" label="Resize file list" initial={20} min={10} max={45} first={<FileTree />} second={<EditorPanel />} />}
        second={<SplitPane direction="row" label="Resize output and checks" initial={50} first={<InspectorArea />} second={<ChecksPanel />} />}
      />
    </section>
  );
}
