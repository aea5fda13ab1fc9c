/**
 * The plugin inside Vite's real dev and preview servers: the runner answers on both, reached
 * through the sign-in link the server prints and writes to a 0600 file, every response carries
 * the framing headers, and Vite's own HMR WebSocket keeps working next to it.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer, preview } from 'vite';
import { WebSocket } from 'ws';
import { waitForOutput } from '../../../tests/support/runtime-contract.ts';
import { REPO_ROOT } from '../app-server.ts';
import { freePort } from '../../agent/free-port.ts';
import { rawGet, signInAt, signedInRuntime } from '../../../tests/support/test-runner-server.ts';
import { APP_HEADERS } from '../isolation-headers.ts';
import { localRunnerPlugin } from './vite-plugin-runner.ts';

let workspacesDir: string;
beforeEach(async () => {
  workspacesDir = await mkdtemp(join(tmpdir(), 'runner-plugin-test-'));
});
afterEach(async () => {
  await rm(workspacesDir, { recursive: true, force: true });
  await rm(`${workspacesDir}-links`, { recursive: true, force: true });
});

/** Connects the way a learner's browser does after clicking the printed link. */
async function connect(plugin: ReturnType<typeof localRunnerPlugin>, origin: string) {
  const signInUrl = plugin.api.signInUrl();
  if (!signInUrl) throw new Error('The plugin printed no sign-in link.');
  const tokenFile = plugin.api.tokenFile() ?? '';
  expect(await readFile(tokenFile, 'utf8')).toBe(`${signInUrl}\n`);
  expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
  return signedInRuntime(origin, await signInAt(signInUrl));
}

describe('localRunnerPlugin', () => {
  it('mounts the runner into the dev server without breaking HMR, and cleans up when the server closes', async () => {
    const port = await freePort();
    const plugin = localRunnerPlugin({ parentDir: workspacesDir, tokenFileDir: `${workspacesDir}-links` });
    const server = await createServer({
      configFile: false,
      root: REPO_ROOT,
      logLevel: 'silent',
      plugins: [plugin],
      server: { port, strictPort: true, host: '127.0.0.1' },
    });
    await server.listen();
    const origin = `http://localhost:${port}`;
    try {
      const hmr = new WebSocket(`ws://127.0.0.1:${port}/?token=${server.config.webSocketToken}`, 'vite-hmr', { origin });
      const greeting = await new Promise<string>((resolve, reject) => (hmr.once('message', (data) => resolve(data.toString())), hmr.once('error', reject)));
      expect(JSON.parse(greeting)).toMatchObject({ type: 'connected' });
      hmr.close();

      expect(plugin.api.signInUrl()).toMatch(new RegExp(`^http://localhost:${port}/\\?token=[0-9a-f]{64}$`));
      for (const path of ['/', '/src/main.tsx', '/no-such-file', '/__runner/session']) {
        const response = await rawGet(`http://127.0.0.1:${port}${path}`, { Host: `localhost:${port}` });
        expect(response.headers['content-security-policy'], path).toBe(APP_HEADERS['Content-Security-Policy']);
        expect(response.headers['x-frame-options'], path).toBe('SAMEORIGIN');
      }
      const runtime = await connect(plugin, origin);
      // The workspace starts as the lesson template, with its dependencies importable.
      expect(JSON.parse(new TextDecoder().decode(await runtime.readFile('package.json')))).toMatchObject({ type: 'module' });
      await runtime.writeFile('check.js', `import express from 'express'; console.log(typeof express);`);
      const node = await runtime.spawn('node', ['check.js']);
      expect(await waitForOutput(node.output.getReader(), /function/)).toBe('function\n');
      expect(await node.exit).toBe(0);
      await runtime.writeFile('forever.js', 'setInterval(() => {}, 1000);');
      await runtime.spawn('node', ['forever.js']);
      expect(await readdir(workspacesDir)).toHaveLength(1);
    } finally {
      await server.close();
    }
    await expect.poll(() => readdir(workspacesDir), { timeout: 5000 }).toEqual([]);
    // The link file goes with the server.
    expect(await readdir(`${workspacesDir}-links`)).toEqual([]);
  });

  it('mounts the runner into the preview server (what npm start serves)', async () => {
    const outDir = join(workspacesDir, 'dist');
    await mkdir(outDir);
    await writeFile(join(outDir, 'index.html'), '<!doctype html><title>x</title>');
    const port = await freePort();
    const plugin = localRunnerPlugin({ parentDir: workspacesDir, tokenFileDir: `${workspacesDir}-links` });
    const server = await preview({
      configFile: false,
      root: REPO_ROOT,
      logLevel: 'silent',
      plugins: [plugin],
      build: { outDir },
      preview: { port, strictPort: true, host: '127.0.0.1' },
    });
    try {
      const runtime = await connect(plugin, `http://localhost:${port}`);
      await runtime.writeFile('a.txt', 'preview');
      expect(new TextDecoder().decode(await runtime.readFile('a.txt'))).toBe('preview');
      await runtime.dispose();
    } finally {
      await server.close();
    }
  });
});
