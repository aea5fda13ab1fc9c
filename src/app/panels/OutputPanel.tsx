/** The learner's server output, streamed from the agent's log events into a lazy xterm.js. */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { errorText, workspace } from '../state/workspace-store.ts';

export function OutputPanel() {
  const host = useRef<HTMLDivElement>(null);
  const problem = useSignal<string | undefined>(undefined);

  useEffect(() => {
    let dispose: (() => void) | undefined;
    let unmounted = false;
    import('../output/terminal.ts')
      .then(({ mountTerminal }) => {
        if (!unmounted && host.current) dispose = mountTerminal(host.current, workspace.output, { files: () => Object.keys(workspace.files.peek()), openFileAt: (path, line, column) => workspace.openFileAt(path, line, column) });
      })
      .catch((error: unknown) => {
        problem.value = `The output panel could not load: ${errorText(error)}`;
      });
    return () => {
      unmounted = true;
      dispose?.();
    };
  }, []);

  return (
    <section class="panel output-panel" aria-labelledby="output-title">
      <div class="panel-title">
        <h2 id="output-title">Output</h2>
        <button type="button" class="small" onClick={() => workspace.output.clear()}>Clear output</button>
      </div>
      {problem.value && <p class="error" role="alert">{problem.value}</p>}
      <div ref={host} class="terminal-host" />
    </section>
  );
}
