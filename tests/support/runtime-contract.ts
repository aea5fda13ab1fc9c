/**
 * The Runtime contract as one suite of behaviours, run against every adapter: the local runner
 * for real (src/node/runner/local-runner.contract.test.ts) and the WebContainer adapter over
 * the faithful fake API (src/runtime/webcontainer-runtime.test.ts). The processes it starts are
 * the small scripts in CONTRACT_SCRIPTS; the WebContainer fake plays them
 * (webcontainer-fake-node.ts), real Node runs them in the local runner.
 *
 * A behaviour the product relies on is in here, or it is not relied on. Notably *not* in here,
 * because WebContainers do not do it: closing a process's input (the real input stream has no
 * `close` handler, so the process never sees its stdin end) — processes are stopped with kill().
 * What the product may meet on the way, and must tolerate, is here as noise the tests tolerate:
 * input echoed by a terminal, long output cut into chunks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Runtime, RuntimeProcess } from '../../src/runtime/runtime.ts';

export const CONTRACT_SCRIPTS = {
  /** Prints to stdout and stderr, exits with the code in argv[2]. */
  'exit.mjs': `console.log('to stdout'); console.error('to stderr'); process.exit(Number(process.argv[2]));`,
  /** Echoes stdin back with a prefix, until killed. */
  'echo.mjs': `process.stdin.setEncoding('utf8'); process.stdin.on('data', (d) => process.stdout.write('echo:' + d)); process.stdin.on('end', () => process.exit(0));`,
  /** Shows the working directory's last segment and an environment variable. */
  'where.mjs': `console.log(process.cwd().split(/[\\\\/]/).pop() + ' ' + process.env.GREETING);`,
  /** An HTTP server on $PORT answering "hello". */
  'serve.mjs': `import { createServer } from 'node:http'; createServer((q, s) => s.end('hello')).listen(Number(process.env.PORT), () => console.log('listening'));`,
  /** Runs until killed. */
  'forever.mjs': `console.log('started'); setInterval(() => {}, 1000);`,
  /** One long ASCII line (longer than a terminal's read), then a short non-ASCII one. */
  'long.mjs': `console.log('x'.repeat(20000)); console.log('done … ✓');`,
  /** Agent-like: JSON commands on stdin, one JSON reply per line on stdout; \`read\` reads a workspace file. */
  'agent.mjs': [
    `import { readFileSync } from 'node:fs';`,
    `import { createInterface } from 'node:readline';`,
    `for await (const line of createInterface({ input: process.stdin })) {`,
    `  const command = JSON.parse(line);`,
    `  const data = command.type === 'read' ? readFileSync(command.path, 'utf8') : 'pong';`,
    `  process.stdout.write(JSON.stringify({ type: 'reply', id: command.id, ok: true, data }) + '\\n');`,
    `}`,
  ].join('\n'),
} as const;

export interface ContractSubject {
  create(): Promise<Runtime>;
  /** A free port the `serve.mjs` script may listen on. */
  port(): Promise<number>;
  /** The local runner detects listening ports on Linux only; the fake always reports them. */
  supportsServerReady: boolean;
  /** Asserts that the runtime's workspace is gone after dispose. */
  expectCleanedUp(runtime: Runtime): Promise<void>;
}

export async function readAll(process: RuntimeProcess): Promise<string> {
  let text = '';
  const reader = process.output.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += chunk.value;
  return text;
}

/** Reads output until `pattern` shows up (the stream stays usable afterwards). */
export async function waitForOutput(reader: ReadableStreamDefaultReader<string>, pattern: RegExp): Promise<string> {
  let text = '';
  while (!pattern.test(text)) {
    const chunk = await reader.read();
    if (chunk.done) throw new Error(`output ended before ${pattern}; got ${JSON.stringify(text)}`);
    text += chunk.value;
  }
  return text;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

export function describeRuntimeContract(name: string, subject: ContractSubject): void {
  describe(`Runtime contract: ${name}`, () => {
    let runtime: Runtime;
    beforeEach(async () => {
      runtime = await subject.create();
      await runtime.mount(CONTRACT_SCRIPTS);
    });
    afterEach(async () => {
      await runtime.dispose();
    });

    it('mount writes nested files and keeps the files already there', async () => {
      await runtime.mount({ 'src/db.js': 'export const db = 1;', 'public/logo.bin': new Uint8Array([0, 255, 7]) });
      expect(text(await runtime.readFile('src/db.js'))).toBe('export const db = 1;');
      expect([...(await runtime.readFile('public/logo.bin'))]).toEqual([0, 255, 7]);
      expect(text(await runtime.readFile('echo.mjs'))).toBe(CONTRACT_SCRIPTS['echo.mjs']);
    });

    it('writeFile creates folders, overwrites, and round-trips bytes', async () => {
      await runtime.writeFile('a/b/c.txt', 'first');
      await runtime.writeFile('a/b/c.txt', 'second ✓');
      expect(text(await runtime.readFile('a/b/c.txt'))).toBe('second ✓');
      const bytes = new Uint8Array(256).map((_, index) => index);
      await runtime.writeFile('data.sqlite', bytes);
      expect([...(await runtime.readFile('data.sqlite'))]).toEqual([...bytes]);
    });

    it('remove deletes files and folders recursively; a missing path is fine', async () => {
      await runtime.mount({ 'gone.txt': 'x', 'dir/inner/file.txt': 'y' });
      await runtime.remove('gone.txt');
      await runtime.remove('dir');
      await runtime.remove('never-existed.txt');
      await expect(runtime.readFile('gone.txt')).rejects.toThrow();
      await expect(runtime.readFile('dir/inner/file.txt')).rejects.toThrow();
    });

    it('refuses paths that leave the workspace', async () => {
      await expect(runtime.readFile('../outside.txt')).rejects.toThrow(/leaves the workspace/);
      await expect(runtime.writeFile('/etc/evil', 'x')).rejects.toThrow(/absolute path/);
    });

    it('spawn merges stdout and stderr and reports the exit code', async () => {
      const process = await runtime.spawn('node', ['exit.mjs', '3']);
      const [output, code] = await Promise.all([readAll(process), process.exit]);
      expect(output).toContain('to stdout\n');
      expect(output).toContain('to stderr\n');
      expect(code).toBe(3);
      const ok = await runtime.spawn('node', ['exit.mjs', '0']);
      expect(await ok.exit).toBe(0);
    });

    it('spawn honours cwd and env', async () => {
      await runtime.writeFile('sub/.keep', '');
      const process = await runtime.spawn('node', ['../where.mjs'], { cwd: 'sub', env: { GREETING: 'hi' } });
      expect(await readAll(process)).toBe('sub hi\n');
      expect(await process.exit).toBe(0);
    });

    it('input lines reach the process stdin, and kill() stops a process reading it', async () => {
      const process = await runtime.spawn('node', ['echo.mjs']);
      const reader = process.output.getReader();
      const writer = process.input.getWriter();
      await writer.write('one\n');
      expect(await waitForOutput(reader, /echo:one\n/)).toContain('echo:one');
      await writer.write('two\n');
      expect(await waitForOutput(reader, /echo:two\n/)).toContain('echo:two');
      process.kill();
      expect(await process.exit).not.toBe(0);
    });

    it('output arrives as text with \n line endings: a long line whole once reassembled, short non-ASCII text intact', async () => {
      const process = await runtime.spawn('node', ['long.mjs']);
      const [output, code] = await Promise.all([readAll(process), process.exit]);
      expect(output).toBe(`${'x'.repeat(20000)}\ndone … ✓\n`);
      expect(code).toBe(0);
    });

    it('talks JSON lines with an agent-like process that sees the workspace', async () => {
      await runtime.writeFile('lesson.json', '{"id":"apis/first-route"}');
      const agent = await runtime.spawn('node', ['agent.mjs']);
      const reader = agent.output.getReader();
      const writer = agent.input.getWriter();
      await writer.write(`${JSON.stringify({ id: 1, type: 'ping' })}\n${JSON.stringify({ id: 2, type: 'read', path: 'lesson.json' })}\n`);
      const output = await waitForOutput(reader, /"type":"reply","id":2.*\n/);
      // A terminal echoes the commands; the replies are the lines of type "reply".
      const replies = output.split('\n').filter((line) => line.includes('"type":"reply"')).map((line) => JSON.parse(line) as unknown);
      expect(replies).toEqual([
        { type: 'reply', id: 1, ok: true, data: 'pong' },
        { type: 'reply', id: 2, ok: true, data: '{"id":"apis/first-route"}' },
      ]);
      agent.kill();
      await agent.exit;
    });

    it.runIf(subject.supportsServerReady)('announces a server that starts listening', async () => {
      const port = await subject.port();
      const ready = new Promise<{ port: number; url: string }>((resolve) => runtime.onServerReady((readyPort, url) => resolve({ port: readyPort, url })));
      const server = await runtime.spawn('node', ['serve.mjs'], { env: { PORT: String(port) } });
      const announced = await ready;
      expect(announced.port).toBe(port);
      // WebContainer URLs carry the port in the host name, the local runner's after a colon.
      expect(announced.url).toMatch(new RegExp(`^https?://.*\\b${port}\\b`));
      server.kill();
      await server.exit;
    });

    it('kill ends the process and its exit settles', async () => {
      const process = await runtime.spawn('node', ['forever.mjs']);
      await waitForOutput(process.output.getReader(), /started/);
      process.kill();
      expect(await process.exit).not.toBe(0);
    });

    it('dispose ends every process and removes the workspace', async () => {
      const process = await runtime.spawn('node', ['forever.mjs']);
      await waitForOutput(process.output.getReader(), /started/);
      await runtime.dispose();
      expect(await process.exit).not.toBe(0);
      await subject.expectCleanedUp(runtime);
    });
  });
}
