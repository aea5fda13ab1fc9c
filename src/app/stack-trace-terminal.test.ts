import type { ILink, ILinkProvider, Terminal } from '@xterm/xterm';
import { describe, expect, it } from 'vitest';
import { registerStackTraceLinks } from './stack-trace-terminal.ts';

/** Just enough of an xterm Terminal: lines of text and a link provider slot. */
function fakeTerminal(lines: string[]) {
  let provider: ILinkProvider | undefined;
  const terminal = {
    buffer: { active: { getLine: (y: number) => (lines[y] === undefined ? undefined : { translateToString: () => lines[y] }) } },
    registerLinkProvider(next: ILinkProvider) {
      provider = next;
      return { dispose: () => (provider = undefined) };
    },
  } as unknown as Terminal;
  const linksOn = (bufferLineNumber: number) =>
    new Promise<ILink[] | undefined>((resolve) => {
      if (!provider) throw new Error('no link provider registered');
      provider.provideLinks(bufferLineNumber, resolve);
    });
  return { terminal, linksOn, registered: () => provider !== undefined };
}

describe('registerStackTraceLinks', () => {
  it('links learner-file locations on a terminal line at their cell range and opens them', async () => {
    const { terminal, linksOn, registered } = fakeTerminal(['Error: boom', '    at handler (file:///tmp/ws/server.js:12:5)', '    at node:internal/x:1:1']);
    const opened: unknown[] = [];
    const disposable = registerStackTraceLinks(terminal, () => ['server.js'], (...args) => opened.push(args));

    const links = await linksOn(2);
    expect(links).toHaveLength(1);
    const text = 'file:///tmp/ws/server.js:12:5';
    const start = '    at handler ('.length + 1;
    expect(links?.[0]).toMatchObject({ text, range: { start: { x: start, y: 2 }, end: { x: start + text.length - 1, y: 2 } } });
    // The provider ignores the event; Node has no MouseEvent.
    links?.[0]?.activate({} as MouseEvent, text);
    expect(opened).toEqual([['server.js', 12, 5]]);

    expect(await linksOn(1)).toBeUndefined();
    expect(await linksOn(3)).toBeUndefined();
    disposable.dispose();
    expect(registered()).toBe(false);
  });
});
