/**
 * The agent as a process, spoken to in raw JSON lines: what it writes (ASCII only), what it
 * probes, how it shuts down, serves lesson after lesson, and skips a restart only when the
 * running server is provably fresh.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileTree } from '../runtime/runtime.ts';
import { fixtureText, fixtureWorkspace } from '../../tests/fixtures/engine/fixture-workspace.ts';
import type { AgentMessage } from './protocol.ts';
import { AGENT_SCRIPT } from './workspace-paths.ts';

const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));

// Prints non-ASCII at start; tells which preloads it runs with.
const SERVER = `
import express from 'express';
const app = express();
app.get('/health', (_req, res) => res.json({ status: 'ok' }));
app.get('/preloads', (_req, res) => res.json(process.execArgv));
app.listen(process.env.PORT, () => console.log('caf\\u00e9 \\u2026 ready'));
`;

interface Agent {
  root: string;
  child: ChildProcessWithoutNullStreams;
  /** Every stdout byte, raw. */
  stdout: Buffer[];
  messages: AgentMessage[];
  send(command: Record<string, unknown>): Promise<AgentMessage & { type: 'reply' }>;
  exited: Promise<number | null>;
}

const started: Agent[] = [];

async function writeTree(root: string, files: FileTree): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

async function startAgent(files: FileTree): Promise<Agent> {
  const root = await mkdtemp(join(tmpdir(), 'agent-process-'));
  await symlink(NODE_MODULES, join(root, 'node_modules'));
  await writeTree(root, files);
  const child = spawn(process.execPath, [AGENT_SCRIPT], { cwd: root, stdio: 'pipe' });
  const stdout: Buffer[] = [];
  const messages: AgentMessage[] = [];
  const waiting = new Map<number, (message: AgentMessage & { type: 'reply' }) => void>();
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout.push(chunk);
    buffer += chunk.toString('latin1');
    for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
      const message = JSON.parse(buffer.slice(0, newline)) as AgentMessage;
      buffer = buffer.slice(newline + 1);
      messages.push(message);
      if (message.type === 'reply') waiting.get(message.id)?.(message);
    }
  });
  let nextId = 1;
  const agent: Agent = {
    root,
    child,
    stdout,
    messages,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    send(command) {
      const id = nextId++;
      child.stdin.write(`${JSON.stringify({ ...command, id })}\n`);
      return new Promise((resolve) => waiting.set(id, resolve));
    },
  };
  started.push(agent);
  return agent;
}

/** Processes whose working directory is the workspace. */
async function processesIn(root: string): Promise<number> {
  let count = 0;
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => '');
    if (cwd.replace(/ \(deleted\)$/, '') === root) count += 1;
  }
  return count;
}

function data<T>(reply: AgentMessage & { type: 'reply' }): T {
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as T;
}

afterEach(async () => {
  for (const agent of started.splice(0)) {
    agent.child.kill('SIGKILL');
    await rm(agent.root, { recursive: true, force: true });
  }
});

describe('the agent process', () => {
  it('probes its runtime, writes ASCII-only lines, and shuts down on command leaving no process', async () => {
    const agent = await startAgent(await fixtureWorkspace({ checks: 'server/checks.ts', files: { 'server.js': SERVER } }));
    expect(data(await agent.send({ type: 'hello' }))).toMatchObject({ version: 1, features: { preload: 'require', kill: 'group', loopback: 'fetch', compilers: 'baseline' } });
    expect(data(await agent.send({ type: 'start' }))).toMatchObject({ state: 'running' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(agent.messages).toContainEqual({ type: 'log', stream: 'stdout', text: 'café … ready\n' });
    expect(Buffer.concat(agent.stdout).every((byte) => byte === 0x0a || (byte >= 0x20 && byte < 0x7f))).toBe(true);
    expect(await processesIn(agent.root)).toBe(2);
    expect(data(await agent.send({ type: 'shutdown' }))).toEqual({});
    expect(await agent.exited).toBe(0);
    expect(await processesIn(agent.root)).toBe(0);
  }, 30_000);

  it('exits with its server when the program driving it dies (all its pipes closed mid-output)', async () => {
    // Logs forever: the agent keeps writing to a parent that is gone.
    const chatty = `import express from 'express';\nconst app = express();\nsetInterval(() => console.error('tick'), 5);\napp.listen(process.env.PORT);\n`;
    const agent = await startAgent(await fixtureWorkspace({ checks: 'stuck/checks.ts', files: { 'server.js': chatty } }));
    expect(data(await agent.send({ type: 'start' }))).toMatchObject({ state: 'running' });
    expect(await processesIn(agent.root)).toBe(2);
    // What a killed parent leaves: every end of the agent's pipes closed at once.
    agent.child.stdout.destroy();
    agent.child.stderr.destroy();
    agent.child.stdin.destroy();
    const exited = await Promise.race([agent.exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 10_000))]);
    expect(exited).toBe(true);
    expect(await processesIn(agent.root)).toBe(0);
  }, 30_000);

  it('leaves no learner server behind when the agent itself is killed outright', async () => {
    const agent = await startAgent(await fixtureWorkspace({ checks: 'stuck/checks.ts', files: { 'server.js': SERVER } }));
    expect(data(await agent.send({ type: 'start' }))).toMatchObject({ state: 'running' });
    expect(await processesIn(agent.root)).toBe(2);
    // SIGKILL: the agent cannot stop its server; the server notices it was orphaned.
    agent.child.kill('SIGKILL');
    await agent.exited;
    let left = await processesIn(agent.root);
    for (let waited = 0; left > 0 && waited < 10_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      left = await processesIn(agent.root);
    }
    expect(left).toBe(0);
  }, 30_000);

  it('preloads MSW only for lessons whose checks script upstreams, and takes the baseline-compiler flags once probed', async () => {
    const withUpstream = await startAgent(await fixtureWorkspace({ checks: 'server/checks.ts', files: { 'server.js': SERVER } }));
    await withUpstream.send({ type: 'start' });
    const plain = await startAgent(await fixtureWorkspace({ checks: 'stuck/checks.ts', files: { 'server.js': SERVER } }));
    await plain.send({ type: 'start' });
    const preloads = async (agent: Agent) => data<{ json: string[] }>(await agent.send({ type: 'request', request: { path: '/preloads' } })).json;
    expect(await preloads(withUpstream)).toEqual(['--require', './.agent/server-preload.cjs', '--require', './.agent/msw-preload.cjs']);
    expect(await preloads(plain)).toEqual(['--require', './.agent/server-preload.cjs']);
    // Once the probes have answered (hello waits for them), restarts use V8's baseline compilers only.
    expect(data<{ features: { compilers: string } }>(await plain.send({ type: 'hello' })).features.compilers).toBe('baseline');
    await plain.send({ type: 'restart' });
    expect(await preloads(plain)).toEqual(['--liftoff-only', '--no-opt', '--require', './.agent/server-preload.cjs']);
  }, 30_000);

  it('skips the restart before Check only while the server runs the saved files and has served nothing', async () => {
    const agent = await startAgent(await fixtureWorkspace({ checks: 'stuck/checks.ts', files: { 'server.js': fixtureText('server/good.js') } }));
    await agent.send({ type: 'start' });
    const startsDuring = async (command: Record<string, unknown>): Promise<number> => {
      const before = agent.messages.length;
      await agent.send(command);
      return agent.messages.slice(before).filter((message) => message.type === 'server' && message.status.state === 'starting').length;
    };
    // Fresh and unchanged: no restart (the looping check's recovery restarts it once, later).
    const only = { type: 'check', only: ['before'] };
    expect(await startsDuring(only)).toBe(0);
    // It has now served a request: its state is no longer fresh.
    expect(await startsDuring(only)).toBe(1);
    await agent.send({ type: 'restart' });
    await writeFile(join(agent.root, 'server.js'), `${fixtureText('server/good.js')}\n// edited\n`);
    expect(await startsDuring(only)).toBe(1);
  }, 30_000);

  it('serves lesson after lesson: one agent, at most one learner server, nothing left of the last lesson', async () => {
    const agent = await startAgent(await fixtureWorkspace({ checks: 'stuck/checks.ts', files: { 'server.js': fixtureText('server/good.js') } }));
    await agent.send({ type: 'start' });
    for (const lesson of ['clock', 'stuck', 'clock']) {
      const files = await fixtureWorkspace({ checks: `${lesson}/checks.ts`, files: { 'server.js': fixtureText(lesson === 'clock' ? 'clock/server.js' : 'server/good.js') } });
      // What the previous lesson's server wrote: the next lesson must not find it.
      await writeTree(agent.root, { 'data.db': 'rows of the last lesson', 'uploads/a.png': 'png' });
      await writeTree(agent.root, files);
      expect(data(await agent.send({ type: 'lesson' }))).toMatchObject({ state: 'running' });
      expect(await processesIn(agent.root)).toBe(2);
      const left = await readdir(agent.root);
      expect(left).toContain('server.js');
      expect(left).not.toContain('data.db');
      expect(left).not.toContain('uploads');
    }
    const summary = data<{ results: { id: string; status: string }[] }>(await agent.send({ type: 'check' }));
    expect(summary.results.map((result) => `${result.id}:${result.status}`)).toEqual(['token-expires:pass', 'clock-was-reset:pass', 'timer-ttl:pass']);
  }, 60_000);
});
