import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LearnerServer } from './learner-server.ts';
import type { ServerStatus } from './protocol.ts';
import { SERVER_PRELOAD_SCRIPT } from './workspace-paths.ts';

// Answers with its environment; on SIGTERM it exits 0 after closing, unless IGNORE_TERM is set.
const SERVER = `
import { createServer } from 'node:http';
const server = createServer((_req, res) => res.end(JSON.stringify({ mode: process.env.PLAYGROUND_MODE ?? null, home: process.env.HOME ?? null })));
// Before listen: the port accepts connections (and the test signals) as soon as listen returns.
process.on('SIGTERM', () => { if (!process.env.IGNORE_TERM) server.close(() => process.exit(0)); });
server.listen(process.env.PORT);
`;

let root: string;
let server: LearnerServer | undefined;
const statuses: ServerStatus[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'learner-server-'));
  await mkdir(join(root, '.agent'));
  // The real preload is tested with the clock; here it only has to exist.
  await writeFile(join(root, SERVER_PRELOAD_SCRIPT), '');
  await writeFile(join(root, 'server.mjs'), SERVER);
  return () => rm(root, { recursive: true, force: true });
});

afterEach(async () => {
  await server?.stop();
  statuses.length = 0;
});

function startServer(env?: Record<string, string | null>, lessonEnv?: Record<string, string>): Promise<ServerStatus> {
  server = new LearnerServer({ cwd: root, killMode: () => 'group', onOutput: () => {}, onStatus: (status) => statuses.push(status) });
  server.configure({ command: 'node', args: ['server.mjs'], startTimeoutMs: 5000, mockUpstream: false, ...(lessonEnv ? { env: lessonEnv } : {}) });
  return server.start(env ? { env } : {});
}

const body = async (status: ServerStatus) => (await fetch(`http://127.0.0.1:${status.port}/`)).json();

describe('LearnerServer', () => {
  it('applies an environment to one start only; null removes a variable', async () => {
    const withEnv = await startServer({ PLAYGROUND_MODE: 'production', HOME: null });
    expect(await body(withEnv)).toEqual({ mode: 'production', home: null });
    const plain = await server!.start();
    expect(await body(plain)).toMatchObject({ mode: null });
  });

  it("starts every time with the lesson's variables; a start's own environment goes on top of them", async () => {
    const lessonOnly = await startServer(undefined, { PLAYGROUND_MODE: 'lesson' });
    expect(await body(lessonOnly)).toMatchObject({ mode: 'lesson' });
    const overridden = await server!.start({ env: { PLAYGROUND_MODE: 'check' } });
    expect(await body(overridden)).toMatchObject({ mode: 'check' });
    const removed = await server!.start({ env: { PLAYGROUND_MODE: null } });
    expect(await body(removed)).toMatchObject({ mode: null });
    const again = await server!.start();
    expect(await body(again)).toMatchObject({ mode: 'lesson' });
  });

  it('reports a graceful exit after SIGTERM as stopped, not as a crash', async () => {
    await startServer();
    const exit = await server!.signal('SIGTERM', 3000);
    expect(exit).toMatchObject({ exited: true, code: 0, signal: null });
    expect(exit.afterMs).toBeLessThan(3000);
    expect(server!.status().state).toBe('stopped');
    expect(statuses.some((status) => status.state === 'crashed')).toBe(false);
  });

  it('says when the server ignores the signal, and leaves it running', async () => {
    await startServer({ IGNORE_TERM: '1' });
    const exit = await server!.signal('SIGTERM', 300);
    expect(exit).toMatchObject({ exited: false, code: null, signal: null });
    expect(server!.status().state).toBe('running');
  });
});
