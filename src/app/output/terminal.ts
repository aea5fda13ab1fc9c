/**
 * The output terminal (xterm.js), loaded lazily with its CSS. Read-only: it replays and then
 * follows the workspace's ServerOutputStore, and fits itself to its pane.
 */
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { ServerOutputStore } from '../state/server-output-store.ts';
import { registerStackTraceLinks } from '../stack-trace-terminal.ts';
import type { OpenFileAt } from '../inspectors/StackTraceText.tsx';

export function mountTerminal(host: HTMLElement, log: ServerOutputStore, links?: { files: () => readonly string[]; openFileAt: OpenFileAt }): () => void {
  const style = getComputedStyle(document.documentElement);
  const color = (name: string) => style.getPropertyValue(name).trim() || undefined;
  const terminal = new Terminal({
    convertEol: true,
    disableStdin: true,
    cursorInactiveStyle: 'none',
    fontSize: 13,
    scrollback: 5000,
    screenReaderMode: false,
    theme: { background: color('--panel'), foreground: color('--fg'), selectionBackground: color('--border') },
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.open(host);
  const refit = () => {
    if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit();
  };
  refit();
  const observer = new ResizeObserver(refit);
  observer.observe(host);
  const unsubscribe = log.subscribe((chunk) => terminal.write(chunk));
  const linkProvider = links && registerStackTraceLinks(terminal, links.files, links.openFileAt);
  return () => {
    unsubscribe();
    linkProvider?.dispose();
    observer.disconnect();
    terminal.dispose();
  };
}
