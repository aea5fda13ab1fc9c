/**
 * The plugin inside Vite's real dev and preview servers: the runner answers on both, and
 * Vite's own HMR WebSocket keeps working next to it.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer, preview } from 'vite';
import { WebSocket } from 'ws';
import { LocalRuntime, type RunnerSocket } from '../../runtime/local-runtime.ts';
import { waitForOutput } from '../../runtime/runtime-contract.ts';
import { REPO_ROOT } from '../app-server.ts';
import { freePort } from '../free-port.ts';
import { localRunnerPlugin } from './vite-plugin-runner.ts';

let workspacesDir: string;
beforeEach(async () => {
  workspacesDir = await mkdtemp(join(tmpdir(), 'runner-plugin-test-'));
});
afterEach(async () => {
  await rm(workspacesDir, { recursive: true, force: true });
});

const connect = (origin: string) =>
  LocalRuntime.connect({ baseUrl: origin, openSocket: (url, protocols) => new WebSocket(url, protocols, { origin }) as RunnerSocket });

describe('localRunnerPlugin', () => {
  it('mounts the runner into the dev server without breaking HMR, and cleans up when the server closes', async () => {
    const port = await freePort();
    const server = await createServer({
      configFile: false,
      root: REPO_ROOT,
      logLevel: 'silent',
      plugins: [localRunnerPlugin({ parentDir: workspacesDir })],
      server: { port, strictPort: true, host: '127.0.0.1' },
    });
    await server.listen();
    const origin = `http://localhost:${port}`;
    try {
      const hmr = new WebSocket(`ws://127.0.0.1:${port}/?token=${server.config.webSocketToken}`, 'vite-hmr', { origin });
      const greeting = await new Promise<string>((resolve, reject) => (hmr.once('message', (data) => resolve(data.toString())), hmr.once('error', reject)));
      expect(JSON.parse(greeting)).toMatchObject({ type: 'connected' });
      hmr.close();

      const runtime = await connect(origin);
      // The workspace starts as the lesson template, with its dependencies importable.
      expect(JSON.parse(new TextDecoder().decode(await runtime.readFile('package.json')))).toMatchObject({ type: 'module' });
      await runtime.writeFile('check.js', `import express from 'express'; console.log(typeof express);`);
      const node = await runtime.spawn('node', ['check.js']);
      expect(await waitForOutput(node.output.getReader(), /function/)).toBe('function\n');
      expect(await node.exit).toBe(0);
      await runtime.spawn('node', ['-e', 'setInterval(() => {}, 1000)']);
      expect(await readdir(workspacesDir)).toHaveLength(1);
    } finally {
      await server.close();
    }
    await expect.poll(() => readdir(workspacesDir), { timeout: 5000 }).toEqual([]);
  });

  it('mounts the runner into the preview server (what npm start serves)', async () => {
    const outDir = join(workspacesDir, 'dist');
    await mkdir(outDir);
    await writeFile(join(outDir, 'index.html'), '<!doctype html><title>x</title>');
    const port = await freePort();
    const server = await preview({
      configFile: false,
      root: REPO_ROOT,
      logLevel: 'silent',
      plugins: [localRunnerPlugin({ parentDir: workspacesDir })],
      build: { outDir },
      preview: { port, strictPort: true, host: '127.0.0.1' },
    });
    try {
      const runtime = await connect(`http://127.0.0.1:${port}`);
      await runtime.writeFile('a.txt', 'preview');
      expect(new TextDecoder().decode(await runtime.readFile('a.txt'))).toBe('preview');
      await runtime.dispose();
    } finally {
      await server.close();
    }
  });
});
