/**
 * The fake's own faithfulness to @webcontainer/api 1.6.4 (dist/index.js): each test names the
 * real behaviour it models, so a change in the API's next version shows where to look.
 */
import { describe, expect, it } from 'vitest';
import { encodeSnapshot } from '../../src/node/webcontainer-snapshot.ts';
import { createFakeWebContainerApi, type FakeProgram, type FakeWebContainer } from './webcontainer-fake.ts';

async function collect(stream: ReadableStream<string>): Promise<string[]> {
  const chunks: string[] = [];
  await stream.pipeTo(new WritableStream({ write: (chunk) => void chunks.push(chunk) }));
  return chunks;
}

const boot = async (programs: Record<string, FakeProgram> = {}, options: Parameters<typeof createFakeWebContainerApi>[0] = {}) =>
  (await createFakeWebContainerApi({ programs, ...options }).WebContainer.boot()) as FakeWebContainer;

describe('the WebContainer fake: boot', () => {
  it('queues a concurrent boot behind the pending one, then refuses a second instance (the boot lock)', async () => {
    const api = createFakeWebContainerApi({ bootMs: 30 });
    const first = api.WebContainer.boot();
    const second = api.WebContainer.boot();
    const container = await first;
    await expect(second).rejects.toThrow('Only a single WebContainer instance can be booted');
    container.teardown();
    expect(() => container.teardown()).toThrow('WebContainer already torn down');
    await expect(api.WebContainer.boot()).resolves.toBeDefined();
  });

  it('hangs every boot of the page when StackBlitz never answers (the handshake is cached per page)', async () => {
    const api = createFakeWebContainerApi({ boot: 'hang' });
    const settled: string[] = [];
    void api.WebContainer.boot().then(() => settled.push('first'));
    void api.WebContainer.boot().then(() => settled.push('second'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toEqual([]);
  });
});

describe('the WebContainer fake: file system', () => {
  it('rebuilds errors from message, name and stack only, so `.code` is lost on the page side', async () => {
    let seenInside: unknown;
    const container = await boot({ probe: async ({ fs }) => ((seenInside = await fs.readFile('nope').catch((error: unknown) => error)), 0) });
    const outside = await container.fs.readFile('nope').catch((error: unknown) => error);
    expect(outside).toBeInstanceOf(Error);
    expect((outside as Error).message).toBe("ENOENT: no such file or directory, open 'nope'");
    expect((outside as { code?: string }).code).toBeUndefined();
    await (await container.spawn('probe', [])).exit;
    expect((seenInside as { code?: string }).code).toBe('ENOENT');
  });

  it('behaves like fs.promises, scoped to the workdir', async () => {
    const container = await boot();
    await expect(container.fs.writeFile('missing/file.txt', 'x')).rejects.toThrow(/ENOENT/);
    await container.fs.mkdir('a/b', { recursive: true });
    await container.fs.writeFile('a/b/c.txt', 'hi');
    expect(await container.fs.readFile('a/b/c.txt', 'utf8')).toBe('hi');
    await expect(container.fs.rm('a')).rejects.toThrow(/EISDIR/);
    await container.fs.rm('a', { recursive: true });
    await expect(container.fs.readFile('a/b/c.txt')).rejects.toThrow(/ENOENT/);
  });

  it('mounts a tree at a mount point, and a binary snapshot by transferring (detaching) its bytes', async () => {
    const container = await boot();
    await container.mount({ src: { directory: { 'x.js': { file: { contents: '1' } } } } }, { mountPoint: 'app' });
    expect(await container.fs.readdir('app/src')).toEqual(['x.js']);
    const snapshot = encodeSnapshot([{ path: 'node_modules/a/index.js', data: new TextEncoder().encode('module.exports = 1;') }]);
    await container.mount(snapshot);
    expect(snapshot.byteLength).toBe(0);
    expect(await container.fs.readFile('node_modules/a/index.js', 'utf8')).toBe('module.exports = 1;');
  });
});

describe('the WebContainer fake: processes on a pseudo-terminal', () => {
  it('writes output through the terminal: \\n becomes \\r\\n', async () => {
    const container = await boot({ hi: async ({ write }) => (write('a\nb\n'), 0) });
    const process = await container.spawn('hi', []);
    expect((await collect(process.output)).join('')).toBe('a\r\nb\r\n');
    expect(await process.exit).toBe(0);
  });

  it('decodes each output chunk on its own, so a character split across chunks becomes U+FFFD', async () => {
    const container = await boot({ dots: async ({ write }) => (write('ab…'), 0) }, { outputChunkBytes: 3 });
    const process = await container.spawn('dots', []);
    // "ab" + the first byte of "…" (E2 80 A6), then its two continuation bytes: each becomes U+FFFD.
    expect(await collect(process.output)).toEqual(['ab\uFFFD', '\uFFFD\uFFFD']);
  });

  it('echoes input, hands the program whole lines, and sends nothing when the input is closed', async () => {
    const lines: string[] = [];
    let stdinEnded = false;
    const container = await boot({
      cat: async ({ stdin, signal }) => {
        for await (const line of stdin) lines.push(line);
        stdinEnded = !signal.aborted;
        return 0;
      },
    });
    const process = await container.spawn('cat', []);
    const reader = process.output.getReader();
    const writer = process.input.getWriter();
    await writer.write('{"id":1');
    await writer.write('}\n');
    expect((await reader.read()).value).toBe('{"id":1');
    expect((await reader.read()).value).toBe('}\r\n');
    await expect.poll(() => lines).toEqual(['{"id":1}\n']);
    await writer.close();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(container.runningProcesses()).toEqual([{ command: 'cat', args: [] }]);
    process.kill();
    expect(await process.exit).toBe(137);
    expect(stdinEnded).toBe(false);
  });

  it('with output: false, the output stream never produces a chunk', async () => {
    const container = await boot({ hi: async ({ write }) => (write('hidden\n'), 0) });
    const process = await container.spawn('hi', [], { output: false });
    expect(await process.exit).toBe(0);
    const read = process.output.getReader().read();
    expect(await Promise.race([read.then(() => 'chunk'), new Promise((resolve) => setTimeout(() => resolve('nothing'), 30))])).toBe('nothing');
  });

  it('kill() ends that process only: a child it started keeps running', async () => {
    const container = await boot({
      parent: async ({ spawn, signal }) => {
        spawn('server', []);
        return new Promise<number>((resolve) => signal.addEventListener('abort', () => resolve(137)));
      },
      server: async ({ signal }) => new Promise<number>((resolve) => signal.addEventListener('abort', () => resolve(137))),
    });
    const parent = await container.spawn('parent', []);
    await expect.poll(() => container.runningProcesses().map(({ command }) => command)).toEqual(['parent', 'server']);
    parent.kill();
    await parent.exit;
    expect(container.runningProcesses().map(({ command }) => command)).toEqual(['server']);
  });

  it('delivers events later, never inside the call that caused them', async () => {
    const container = await boot({ serve: async ({ listen }) => (listen(3000), 0) });
    const events: string[] = [];
    container.on('server-ready', (port) => events.push(`ready ${port}`));
    await (await container.spawn('serve', [])).exit;
    expect(events).toEqual([]);
    await expect.poll(() => events).toEqual(['ready 3000']);
  });
});
