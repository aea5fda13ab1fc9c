/**
 * Makes learner-file locations in the xterm output clickable (xterm's link provider API),
 * so a crash's stack trace opens the editor at the failing line.
 */
import type { IDisposable, ILink, Terminal } from '@xterm/xterm';
import { linkStackTrace } from './stack-trace.ts';
import type { OpenFileAt } from './inspectors/StackTraceText.tsx';

export function registerStackTraceLinks(terminal: Terminal, files: () => readonly string[], openFileAt: OpenFileAt): IDisposable {
  return terminal.registerLinkProvider({
    provideLinks(bufferLineNumber, callback) {
      const text = terminal.buffer.active.getLine(bufferLineNumber - 1)?.translateToString(true) ?? '';
      const links: ILink[] = [];
      let x = 1;
      for (const segment of linkStackTrace(text, files())) {
        const length = typeof segment === 'string' ? segment.length : segment.text.length;
        if (typeof segment !== 'string') {
          links.push({
            range: { start: { x, y: bufferLineNumber }, end: { x: x + length - 1, y: bufferLineNumber } },
            text: segment.text,
            decorations: { underline: true, pointerCursor: true },
            activate: () => openFileAt(segment.path, segment.line, segment.column),
          });
        }
        x += length;
      }
      callback(links.length > 0 ? links : undefined);
    },
  });
}
