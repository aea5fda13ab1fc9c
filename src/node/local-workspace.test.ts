import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { createInterface } from 'node:readline';
import { fixtureText, fixtureWorkspace } from '../../tests/fixtures/engine/fixture-workspace.ts';
import { AGENT_SCRIPT } from '../agent/workspace-paths.ts';
import { startLocalAgent } from './local-workspace.ts';
import { Workspace } from './runner/workspace.ts';

describe('the agent in a local workspace', () => {
  it('answers garbage input with error replies and keeps serving commands', async () => {
    const files = await fixtureWorkspace({ checks: 'server/checks.ts', files: { 'server.js': fixtureText('server/good.js') } });
    const workspace = await Workspace.create({ nodeModules: new URL('../../node_modules', import.meta.url).pathname, template: {} });
    await workspace.mount(Object.entries(files));
    const agent = spawn(process.execPath, [AGENT_SCRIPT], { cwd: workspace.root, stdio: 'pipe' });
    try {
      const lines = createInterface({ input: agent.stdout })[Symbol.asyncIterator]();
      const next = async () => JSON.parse((await lines.next()).value as string) as Record<string, unknown>;
      agent.stdin.write('this is not json\n{"id":7,"type":"explode"}\n{"id":8,"type":"hello"}\n');
      expect(await next()).toEqual({ type: 'reply', id: -1, ok: false, error: 'not a JSON command: "this is not json"' });
      expect(await next()).toMatchObject({ type: 'reply', id: 7, ok: false, error: expect.stringContaining('unknown command type "explode"') });
      expect(await next()).toMatchObject({ type: 'reply', id: 8, ok: true, data: { version: 1 } });
    } finally {
      agent.kill();
      await workspace.dispose();
    }
  });

  it("runs the learner's server without the caller's NODE_ENV (an in-process Vite build sets it to production)", async () => {
    const server = "import express from 'express';\nconst app = express();\napp.get('/env', (_req, res) => res.json({ nodeEnv: process.env.NODE_ENV ?? null }));\napp.listen(process.env.PORT);\n";
    const files = await fixtureWorkspace({ checks: 'stuck/checks.ts', files: { 'server.js': server } });
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const local = await startLocalAgent(files).finally(() => {
      if (before === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = before;
    });
    try {
      expect(await local.client.send({ type: 'start' })).toMatchObject({ state: 'running' });
      expect(await local.client.send({ type: 'request', request: { path: '/env' } })).toMatchObject({ status: 200, json: { nodeEnv: null } });
    } finally {
      await local.dispose();
    }
  });

  it('runs the server, answers requests with request-log events, and cleans up', async () => {
    const files = await fixtureWorkspace({ checks: 'server/checks.ts', files: { 'server.js': fixtureText('server/good.js') } });
    const local = await startLocalAgent(files);
    const events: string[] = [];
    let logs = '';
    local.client.onEvent((event) => {
      events.push(event.type === 'server' ? `server:${event.status.state}` : event.type);
      if (event.type === 'log') logs += event.text;
    });
    try {
      expect(await local.client.send({ type: 'start' })).toMatchObject({ state: 'running' });
      const response = await local.client.send({ type: 'request', request: { method: 'POST', path: '/items', json: { name: 'pen' } } });
      expect(response).toMatchObject({ status: 201, json: { id: 1, name: 'pen' } });
      expect(events).toEqual(expect.arrayContaining(['server:starting', 'server:running', 'request-log']));
      // An unscripted external call never leaves the machine, and the learner's log says why.
      expect(await local.client.send({ type: 'request', request: { path: '/leak' } })).toMatchObject({ status: 502 });
      expect(logs).toContain('[playground] Blocked GET https://example.com/');
      await expect(local.client.send({ type: 'db', path: 'missing.sqlite' })).rejects.toThrow('missing.sqlite does not exist in the workspace');
      await expect(local.client.send({ type: 'db', path: '../../etc/passwd' })).rejects.toThrow('leaves the workspace');
      const SQL = await initSqlJs();
      const db = new SQL.Database();
      db.run("CREATE TABLE users (name TEXT); INSERT INTO users VALUES ('ann')");
      writeFileSync(join(local.root, 'data.sqlite'), db.export());
      expect(await local.client.send({ type: 'db', path: 'data.sqlite', sql: 'SELECT name FROM users' })).toEqual({ results: [{ columns: ['name'], rows: [['ann']] }] });
      const { base64 } = await local.client.send({ type: 'db', path: 'data.sqlite' });
      expect(Buffer.from(base64 ?? '', 'base64').subarray(0, 15).toString()).toBe('SQLite format 3');
      expect(await local.client.send({ type: 'stop' })).toMatchObject({ state: 'stopped' });
      await expect(local.client.send({ type: 'request', request: { path: '/health' } })).rejects.toThrow('Your server is not running: start it first.');
    } finally {
      await local.dispose();
    }
    expect(existsSync(local.root)).toBe(false);
  });
});
