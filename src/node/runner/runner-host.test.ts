/**
 * The runner's guards, each attacked the way a hostile page or a careless request would.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { get } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { LOCAL_RUNNER_SUBPROTOCOL, LOCAL_RUNNER_TOKEN_PREFIX, RUNNER_CLOSE_TOO_MANY, type RunnerEvent } from '../../runtime/local-protocol.ts';
import { readAll, waitForOutput } from '../../runtime/runtime-contract.ts';
import { isLoopbackAddress } from './guards.ts';
import { startTestRunnerServer, type TestRunnerServer } from './test-runner-server.ts';

let runner: TestRunnerServer;
let token: string;
beforeEach(async () => {
  runner = await startTestRunnerServer({ maxWorkspaces: 3, maxMessageBytes: 64 * 1024 });
  const response = await fetch(`${runner.origin}/__runner/session`);
  token = ((await response.json()) as { token: string }).token;
});
afterEach(async () => {
  await runner.close();
});

interface RawOptions {
  origin?: string;
  protocols?: string[];
  url?: string;
  headers?: Record<string, string>;
}

/** Opens a raw socket; resolves once the runner says `ready`, rejects with the HTTP status or close code otherwise. */
function openRaw(options: RawOptions = {}): Promise<{ socket: WebSocket; events: RunnerEvent[]; next: (type: RunnerEvent['type']) => Promise<RunnerEvent> }> {
  const socket = new WebSocket(options.url ?? `ws://127.0.0.1:${runner.port}/__runner/ws`, options.protocols ?? [LOCAL_RUNNER_SUBPROTOCOL, `${LOCAL_RUNNER_TOKEN_PREFIX}${token}`], {
    origin: 'origin' in options ? options.origin : runner.origin,
    headers: options.headers,
  });
  const events: RunnerEvent[] = [];
  const waiters: { type: string; resolve: (event: RunnerEvent) => void }[] = [];
  socket.on('message', (data) => {
    const event = JSON.parse(data.toString()) as RunnerEvent;
    events.push(event);
    const index = waiters.findIndex((waiter) => waiter.type === event.type);
    if (index >= 0) waiters.splice(index, 1)[0]?.resolve(event);
  });
  const next = (type: RunnerEvent['type']) => new Promise<RunnerEvent>((resolve) => waiters.push({ type, resolve }));
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('close', (code, reason) => reject(new Error(`closed ${code} ${reason.toString()}`)));
    socket.once('error', reject);
    void next('ready').then(() => resolve({ socket, events, next }));
  });
}

function isAlive(pid: number): boolean {
  try {
    // A zombie is dead for our purpose (the container's init may be slow to reap it).
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('session endpoint', () => {
  it("hands the token to the app's own page, with no CORS headers", async () => {
    const response = await fetch(`${runner.origin}/__runner/session`, { headers: { 'Sec-Fetch-Site': 'same-origin' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(((await response.json()) as { token: string }).token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses cross-site requests, foreign origins and foreign Host names (DNS rebinding)', async () => {
    const url = `${runner.origin}/__runner/session`;
    expect((await fetch(url, { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    expect((await fetch(url, { headers: { Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await fetch(url, { headers: { Origin: `http://127.0.0.1:${runner.port + 1}` } })).status).toBe(403);
    // fetch() may not set Host (a forbidden header), so this one goes through node:http.
    const rebound = await new Promise<number | undefined>((resolve, reject) =>
      get(url, { headers: { Host: `evil.example:${runner.port}` } }, (response) => resolve(response.resume().statusCode)).on('error', reject),
    );
    expect(rebound).toBe(403);
    const refused = await fetch(url, { headers: { 'Sec-Fetch-Site': 'same-site' } });
    expect(await refused.text()).toMatch(/refused, Sec-Fetch-Site "same-site" is not same-origin/);
  });
});

describe('WebSocket handshake', () => {
  it('accepts the app origin under every loopback spelling of its port', async () => {
    for (const origin of [`http://localhost:${runner.port}`, `http://127.0.0.1:${runner.port}`, `http://[::1]:${runner.port}`]) {
      const { socket } = await openRaw({ origin });
      socket.close();
    }
  });

  it('refuses a forged Origin, another port, a missing Origin', async () => {
    await expect(openRaw({ origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(openRaw({ origin: `http://localhost:${runner.port + 1}` })).rejects.toThrow('HTTP 403');
    await expect(openRaw({ origin: `https://localhost:${runner.port}` })).rejects.toThrow('HTTP 403');
    await expect(openRaw({ origin: 'null' })).rejects.toThrow('HTTP 403');
    await expect(openRaw({ origin: undefined })).rejects.toThrow('HTTP 403');
    expect(runner.host.openWorkspaces).toBe(0);
  });

  it('refuses a missing or wrong token', async () => {
    await expect(openRaw({ protocols: [LOCAL_RUNNER_SUBPROTOCOL] })).rejects.toThrow('HTTP 403');
    await expect(openRaw({ protocols: [LOCAL_RUNNER_SUBPROTOCOL, `${LOCAL_RUNNER_TOKEN_PREFIX}${'0'.repeat(64)}`] })).rejects.toThrow('HTTP 403');
    await expect(openRaw({ protocols: [LOCAL_RUNNER_SUBPROTOCOL, `${LOCAL_RUNNER_TOKEN_PREFIX}${token}x`] })).rejects.toThrow('HTTP 403');
    await expect(openRaw({ url: `ws://127.0.0.1:${runner.port}/__runner/ws?token=${token}`, protocols: [LOCAL_RUNNER_SUBPROTOCOL] })).rejects.toThrow('HTTP 403');
  });

  it('leaves upgrades on other paths (e.g. Vite HMR) alone', () => {
    const request = { url: '/', headers: {} } as Parameters<typeof runner.host.handleUpgrade>[0];
    expect(runner.host.handleUpgrade(request, undefined as never, Buffer.alloc(0))).toBe(false);
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'].every(isLoopbackAddress)).toBe(true);
    expect(['192.0.2.2', '::ffff:10.0.0.1', 'fe80::1', '', undefined].some(isLoopbackAddress)).toBe(false);
  });
});

const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

describe.runIf(externalAddress)('a server listening on every interface', () => {
  it(`refuses a peer that is not loopback (${externalAddress})`, async () => {
    const open = await startTestRunnerServer({}, '0.0.0.0');
    try {
      const viaNetwork = await fetch(`http://${externalAddress}:${open.port}/__runner/session`);
      expect(viaNetwork.status).toBe(403);
      expect(await viaNetwork.text()).toContain(`only serves this machine, not ${externalAddress}`);
      expect((await fetch(`${open.origin}/__runner/session`)).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('workspace confinement', () => {
  it('refuses ../, absolute paths and node_modules', async () => {
    const runtime = await runner.connect();
    await expect(runtime.writeFile('../escaped.txt', 'x')).rejects.toThrow(/leaves the workspace/);
    await expect(runtime.writeFile('a/../../escaped.txt', 'x')).rejects.toThrow(/leaves the workspace/);
    await expect(runtime.readFile('/etc/passwd')).rejects.toThrow(/absolute path/);
    await expect(runtime.mount({ 'ok.txt': 'x', '../bad.txt': 'y' })).rejects.toThrow(/leaves the workspace/);
    await expect(runtime.readFile('ok.txt')).rejects.toThrow(/does not exist/);
    await expect(runtime.writeFile('node_modules/express/index.js', 'hacked')).rejects.toThrow(/node_modules/);
    await expect(runtime.remove('node_modules')).rejects.toThrow(/node_modules/);
    await expect(runtime.remove('.')).rejects.toThrow(/workspace itself/);
    await expect(runtime.spawn('node', ['-e', '0'], { cwd: '..' })).rejects.toThrow(/leaves the workspace/);
    expect(existsSync(new URL('../../../node_modules/express/index.js', import.meta.url))).toBe(true);
    await runtime.dispose();
  });

  it('refuses symlinks that lead out of the workspace, or nowhere', async () => {
    const runtime = await runner.connect();
    const outside = `${runner.workspacesDir}/outside-target`;
    const linker = await runtime.spawn('sh', ['-c', `ln -s /etc etc-link && ln -s ${outside} dangling && mkdir inner && ln -s inner ok-link`]);
    expect(await linker.exit).toBe(0);
    await expect(runtime.readFile('etc-link/passwd')).rejects.toThrow(/symlink that leads out/);
    await expect(runtime.writeFile('etc-link/evil', 'x')).rejects.toThrow(/symlink that leads out/);
    await expect(runtime.writeFile('dangling', 'x')).rejects.toThrow(/symlink to something that does not exist/);
    expect(existsSync(outside)).toBe(false);
    await runtime.writeFile('ok-link/file.txt', 'inside');
    expect(new TextDecoder().decode(await runtime.readFile('inner/file.txt'))).toBe('inside');
    await runtime.dispose();
  });
});

describe('malformed traffic', () => {
  it('answers garbage JSON, unknown types and bad fields with errors and keeps going', async () => {
    const { socket, next } = await openRaw();
    socket.send('this is not json');
    expect(await next('error')).toMatchObject({ error: expect.stringMatching(/one JSON object per text message/) });
    socket.send(JSON.stringify({ type: 'mount' }));
    expect(await next('error')).toMatchObject({ error: expect.stringMatching(/numeric "id"/) });
    socket.send(JSON.stringify({ id: 1, type: 'format-disk' }));
    expect(await next('reply')).toMatchObject({ id: 1, ok: false, error: expect.stringMatching(/Unknown message type "format-disk"/) });
    socket.send(JSON.stringify({ id: 2, type: 'spawn', command: 'node', args: 'not-an-array' }));
    expect(await next('reply')).toMatchObject({ id: 2, ok: false, error: expect.stringMatching(/"args" as an array of strings/) });
    socket.send(JSON.stringify({ id: 3, type: 'stdin', process: 99, data: 'x' }));
    expect(await next('reply')).toMatchObject({ id: 3, ok: false, error: expect.stringMatching(/Process 99 is not running/) });
    socket.send(JSON.stringify({ id: 4, type: 'writeFile', path: 'still-works.txt', encoding: 'utf8', data: 'yes' }));
    expect(await next('reply')).toMatchObject({ id: 4, ok: true });
    socket.close();
  });

  it('closes a connection that sends an oversized message (1009); the server carries on', async () => {
    const { socket } = await openRaw();
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send(JSON.stringify({ id: 1, type: 'writeFile', path: 'big.txt', encoding: 'utf8', data: 'x'.repeat(100 * 1024) }));
    expect(await closed).toBe(1009);
    await expect.poll(() => readdir(runner.workspacesDir), { timeout: 5000 }).toEqual([]);
    const runtime = await runner.connect();
    await runtime.writeFile('small.txt', 'fine');
    await runtime.dispose();
  });

  it('reports a command that does not exist', async () => {
    const runtime = await runner.connect();
    await expect(runtime.spawn('no-such-command-here', [])).rejects.toThrow('Could not start "no-such-command-here": no such command.');
    await runtime.dispose();
  });
});

describe('limits and cleanup', () => {
  it('caps open workspaces and says so', async () => {
    const open = [await runner.connect(), await runner.connect(), await runner.connect()];
    await expect(runner.connect()).rejects.toThrow('Too many open workspaces (3) on this server; close another playground tab and reload.');
    await expect(openRaw()).rejects.toThrow(`closed ${RUNNER_CLOSE_TOO_MANY}`);
    await open[0]?.dispose();
    await expect.poll(() => runner.host.openWorkspaces).toBe(2);
    const again = await runner.connect();
    await Promise.all([again, ...open].map((runtime) => runtime?.dispose()));
  });

  const TREE = `sleep 100 & echo "bg $!"; setsid sleep 100 & echo "escaped $!"; sleep 100 & echo "fg $!"; echo "sh $$"; wait`;
  const pidsIn = (text: string) => [...text.matchAll(/\b(?:bg|escaped|fg|sh) (\d+)/g)].map((match) => Number(match[1]));

  async function startTree(runtime: Awaited<ReturnType<TestRunnerServer['connect']>>) {
    const process = await runtime.spawn('sh', ['-c', TREE]);
    const pids = pidsIn(await waitForOutput(process.output.getReader(), /sh \d+\n/));
    expect(pids).toHaveLength(4);
    // Give the port poll a turn so the runner has seen the whole tree, as it would for a real agent.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(pids.every(isAlive)).toBe(true);
    return { process, pids };
  }

  it.runIf(process.platform === 'linux')('kill ends the whole process tree (restart)', async () => {
    const runtime = await runner.connect();
    const { process, pids } = await startTree(runtime);
    process.kill();
    expect(await process.exit).toBe(137);
    await expect.poll(() => pids.filter(isAlive), { timeout: 5000 }).toEqual([]);
    await runtime.dispose();
  });

  it.runIf(process.platform === 'linux')('closing the socket (tab close) ends every process tree and deletes the workspace', async () => {
    const runtime = await runner.connect();
    const { pids } = await startTree(runtime);
    await runtime.writeFile('data.sqlite', new Uint8Array([1, 2, 3]));
    await runtime.dispose();
    await expect.poll(() => pids.filter(isAlive), { timeout: 5000 }).toEqual([]);
    await expect.poll(() => readdir(runner.workspacesDir), { timeout: 5000 }).toEqual([]);
  });

  it.runIf(process.platform === 'linux')('server shutdown ends every process tree and deletes every workspace', async () => {
    const runtimes = [await runner.connect(), await runner.connect()];
    const trees = await Promise.all(runtimes.map(startTree));
    await runner.host.close();
    expect(trees.flatMap(({ pids }) => pids).filter(isAlive)).toEqual([]);
    expect(await readdir(runner.workspacesDir)).toEqual([]);
    await expect(openRaw()).rejects.toThrow('HTTP 403');
  });

  it('a process that exits takes its leftovers with it, after its output is delivered', async () => {
    const runtime = await runner.connect();
    const process = await runtime.spawn('sh', ['-c', 'sleep 100 & echo "bg $!"; echo done']);
    const output = await readAll(process);
    expect(output).toMatch(/bg \d+\ndone\n/);
    expect(await process.exit).toBe(0);
    await expect.poll(() => pidsIn(output).filter(isAlive), { timeout: 5000 }).toEqual([]);
    await runtime.dispose();
  });
});
