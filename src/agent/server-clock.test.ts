/**
 * The server clock end to end: a real learner server process with the bundled server preload,
 * moved by the agent's ServerClock. Expiry and timer TTLs are graded in milliseconds.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleAgent } from '../node/agent-bundle.ts';
import { LearnerServer } from './learner-server.ts';
import { ServerClock } from './server-clock.ts';
import { SERVER_PRELOAD_SCRIPT } from './workspace-paths.ts';

// A token valid for 60 s, a cache entry a 30 s timer evicts, a 10 s interval counting ticks.
const SERVER = `
import { createServer } from 'node:http';
const tokens = new Map();
let cached = null;
let ticks = 0;
setInterval(() => { ticks += 1; }, 10_000).unref();
createServer((req, res) => {
  const send = (status, body) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
  if (req.url === '/login') { const token = 't' + (tokens.size + 1); tokens.set(token, Date.now() + 60_000); return send(200, { token }); }
  if (req.url.startsWith('/me/')) { const expires = tokens.get(req.url.slice(4)); return send(expires && Date.now() < expires ? 200 : 401, {}); }
  if (req.url === '/cache' && req.method === 'PUT') { cached = 'warm'; setTimeout(() => { cached = null; }, 30_000); return send(200, { cached }); }
  if (req.url === '/cache') return send(200, { cached });
  if (req.url === '/now') return send(200, { now: Date.now(), date: new Date().getTime(), ticks });
  send(404, {});
}).listen(process.env.PORT);
`;

let root: string;
let server: LearnerServer;
let clock: ServerClock;

async function get(path: string, method = 'GET'): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${server.status().port}${path}`, { method });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'server-clock-'));
  const bundle = await bundleAgent();
  await mkdir(join(root, '.agent'));
  await writeFile(join(root, SERVER_PRELOAD_SCRIPT), bundle.files[SERVER_PRELOAD_SCRIPT]!);
  await writeFile(join(root, 'server.mjs'), SERVER);
  server = new LearnerServer({ cwd: root, killMode: () => 'group', onOutput: () => {}, onStatus: () => {} });
  server.configure({ command: 'node', args: ['server.mjs'], startTimeoutMs: 5000, mockUpstream: false });
  clock = new ServerClock(root, () => server.status().state === 'running');
  await clock.init();
  expect((await server.start()).state).toBe('running');
}, 30_000);

afterAll(async () => {
  await server.stop();
  await rm(root, { recursive: true, force: true });
});

describe('the server clock', () => {
  it('expires a 60 s token by moving the clock, in milliseconds', async () => {
    const started = performance.now();
    const { token } = (await get('/login')).json as { token: string };
    await clock.advance(59_000);
    expect((await get(`/me/${token}`)).status).toBe(200);
    await clock.advance(1_000);
    expect((await get(`/me/${token}`)).status).toBe(401);
    expect(performance.now() - started).toBeLessThan(2000);
    await clock.reset();
  });

  it('fires a setTimeout TTL that came due, and intervals once per elapsed period', async () => {
    await get('/cache', 'PUT');
    const ticksBefore = (await get('/now')).json.ticks as number;
    await clock.advance(29_000);
    expect((await get('/cache')).json).toEqual({ cached: 'warm' });
    await clock.advance(1_000);
    expect((await get('/cache')).json).toEqual({ cached: null });
    // 30 s elapsed on the server's clock: three 10 s ticks.
    expect((await get('/now')).json.ticks).toBe(ticksBefore + 3);
    await clock.reset();
  });

  it('moves Date.now() and new Date() together, and resets to the real time', async () => {
    await clock.advance(3_600_000);
    const moved = (await get('/now')).json as { now: number; date: number };
    expect(moved.now - Date.now()).toBeGreaterThan(3_590_000);
    expect(Math.abs(moved.date - moved.now)).toBeLessThan(50);
    expect(Math.abs(clock.now() - moved.now)).toBeLessThan(1000);
    await clock.reset();
    expect(Math.abs(((await get('/now')).json.now as number) - Date.now())).toBeLessThan(1000);
  });

  it('keeps an advanced clock across a server restart', async () => {
    await clock.advance(120_000);
    await server.start();
    expect(((await get('/now')).json.now as number) - Date.now()).toBeGreaterThan(110_000);
    await clock.reset();
  });

  it('refuses a negative move', async () => {
    await expect(clock.advance(-1)).rejects.toThrow('needs a finite number of milliseconds >= 0');
  });
});
