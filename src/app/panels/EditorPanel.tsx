/** The code editor. Monaco loads on first use (its own chunk), never in the first load. */
import { useRef } from 'preact/hooks';
import { errorText } from '../../shared/error-text.ts';
import { workspace } from '../state/workspace-store.ts';
import { useLazyModule } from './use-lazy-module.ts';

export function EditorPanel() {
  const host = useRef<HTMLDivElement>(null);
  const editor = useLazyModule(
    () => import('../editor/editor-session.ts'),
    ({ mountEditor }) => (host.current ? mountEditor(host.current, workspace) : undefined),
  );

  return (
    <section class="panel editor-panel" aria-label="Editor">
      <div class="panel-title">
        <h2>{workspace.files.openFile.value ?? 'No file open'}</h2>
      </div>
      {editor.status === 'loading' && <p class="loading">Loading the editor…</p>}
      {editor.status === 'failed' && <p class="error" role="alert">{`The editor could not load: ${errorText(editor.error)}. Reload the page to try again; your files are saved.`}</p>}
      <div ref={host} class="editor-host" />
    </section>
  );
}
