/**
 * The learner's server output, streamed from the agent's log events into a lazy xterm.js, loaded
 * once the server has started (state/after-server-start.ts; the output waits in its store until then).
 */
import { useRef } from 'preact/hooks';
import { errorText } from '../../shared/error-text.ts';
import { workspace } from '../state/workspace-store.ts';
import { useLazyModule } from './use-lazy-module.ts';

export function OutputPanel() {
  const host = useRef<HTMLDivElement>(null);
  const terminal = useLazyModule(
    async () => {
      await workspace.panelLoading.next().ready;
      return import('../output/terminal.ts');
    },
    ({ mountTerminal }) =>
      host.current
        ? mountTerminal(host.current, workspace.runner.output, { files: () => Object.keys(workspace.files.contents.peek()), openFileAt: (path, line, column) => workspace.files.openAt(path, line, column) })
        : undefined,
  );

  return (
    <section class="panel output-panel" aria-labelledby="output-title">
      <div class="panel-title">
        <h2 id="output-title">Output</h2>
        <button type="button" class="small" onClick={() => workspace.runner.output.clear()}>Clear output</button>
      </div>
      {terminal.status === 'failed' && <p class="error" role="alert">{`The output panel could not load: ${errorText(terminal.error)}`}</p>}
      <div ref={host} class="terminal-host" />
    </section>
  );
}
