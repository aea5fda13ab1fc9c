/**
 * The code editor. Monaco loads lazily (its own chunk, never in the first load) and only once the
 * server has started (state/after-server-start.ts); until then the open file is shown as read-only text,
 * and focusing or clicking it loads the editor at once.
 */
import { useRef } from 'preact/hooks';
import { errorText } from '../../shared/error-text.ts';
import { workspace } from '../state/workspace-store.ts';
import type { ServerStartGate } from '../state/after-server-start.ts';
import { useLazyModule } from './use-lazy-module.ts';

export function EditorPanel() {
  const host = useRef<HTMLDivElement>(null);
  const gate = useRef<ServerStartGate | undefined>(undefined);
  /** The learner focused the preview: the editor takes the focus over once it is there. */
  const focusWanted = useRef(false);
  const editor = useLazyModule(
    async () => {
      gate.current = workspace.panelLoading.next();
      await gate.current.ready;
      return import('../editor/editor-session.ts');
    },
    ({ mountEditor }) => {
      if (!host.current) return undefined;
      const dispose = mountEditor(host.current, workspace);
      if (focusWanted.current) requestAnimationFrame(() => host.current?.querySelector('textarea')?.focus());
      return dispose;
    },
  );
  const openFile = workspace.files.openFile.value;
  const text = openFile === undefined ? undefined : workspace.files.contents.value[openFile];

  return (
    <section class="panel editor-panel" aria-label="Editor">
      <div class="panel-title">
        <h2>{openFile ?? 'No file open'}</h2>
      </div>
      {editor.status === 'loading' && text !== undefined && (
        <pre
          class="editor-preview"
          tabIndex={0}
          aria-label={`${openFile}, read-only until the editor has loaded: focus it to load the editor now`}
          onFocus={() => {
            focusWanted.current = true;
            gate.current?.now();
          }}
          onPointerDown={() => gate.current?.now()}
        >
          {text}
        </pre>
      )}
      {editor.status === 'loading' && text === undefined && <p class="loading">Loading the editor…</p>}
      {editor.status === 'failed' && <p class="error" role="alert">{`The editor could not load: ${errorText(editor.error)}. Reload the page to try again; your files are saved.`}</p>}
      <div ref={host} class="editor-host" hidden={editor.status !== 'ready'} />
    </section>
  );
}
