/** The code editor. Monaco loads on first use (its own chunk), never in the first load. */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { errorText, workspace } from '../state/workspace-store.ts';

export function EditorPanel() {
  const host = useRef<HTMLDivElement>(null);
  const status = useSignal<'loading' | 'ready' | string>('loading');

  useEffect(() => {
    let dispose: (() => void) | undefined;
    let unmounted = false;
    import('../editor/editor-session.ts')
      .then(({ mountEditor }) => {
        if (unmounted || !host.current) return;
        dispose = mountEditor(host.current, workspace);
        status.value = 'ready';
      })
      .catch((error: unknown) => {
        status.value = `The editor could not load: ${errorText(error)}. Reload the page to try again; your files are saved.`;
      });
    return () => {
      unmounted = true;
      dispose?.();
    };
  }, []);

  return (
    <section class="panel editor-panel" aria-label="Editor">
      <div class="panel-title">
        <h2>{workspace.openFile.value ?? 'No file open'}</h2>
      </div>
      {status.value === 'loading' && <p class="loading">Loading the editor…</p>}
      {status.value !== 'loading' && status.value !== 'ready' && <p class="error" role="alert">{status.value}</p>}
      <div ref={host} class="editor-host" />
    </section>
  );
}
