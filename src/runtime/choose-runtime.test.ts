import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startTestRunnerServer, type TestRunnerServer } from '../node/runner/test-runner-server.ts';
import { chooseRuntime, parseRuntimeParam, type ChooseRuntimeOptions } from './choose-runtime.ts';
import type { RunnerSocket } from './local-runtime.ts';
import { createFakeWebContainerApi } from './webcontainer-fake.ts';
import type { BrowserEnvironment } from './webcontainer-support.ts';

const CAPABLE: BrowserEnvironment = { isBrowser: true, isSecureContext: true, crossOriginIsolated: true, hasSharedArrayBuffer: true };

let runner: TestRunnerServer;
let noRunner: Server;
let noRunnerOrigin: string;
beforeAll(async () => {
  runner = await startTestRunnerServer();
  noRunner = createServer((_request, response) => {
    response.statusCode = 404;
    response.end('not found');
  });
  await new Promise<void>((resolve) => noRunner.listen(0, '127.0.0.1', resolve));
  noRunnerOrigin = `http://127.0.0.1:${(noRunner.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await runner.close();
  await new Promise((resolve) => noRunner.close(resolve));
});

function localAt(origin: string): ChooseRuntimeOptions['local'] {
  return { baseUrl: origin, openSocket: (url, protocols) => new WebSocket(url, protocols, { origin }) as RunnerSocket };
}

describe('parseRuntimeParam', () => {
  it('reads ?runtime=local|webcontainer|none and reports anything else', () => {
    expect(parseRuntimeParam('?runtime=local')).toEqual({ forced: 'local' });
    expect(parseRuntimeParam('?lesson=x&runtime=webcontainer')).toEqual({ forced: 'webcontainer' });
    expect(parseRuntimeParam('runtime=none')).toEqual({ forced: 'none' });
    expect(parseRuntimeParam('')).toEqual({});
    expect(parseRuntimeParam('?runtime=docker')).toEqual({ problem: '?runtime=docker is not one of local, webcontainer, none, so the runtime is chosen automatically.' });
  });
});

describe('chooseRuntime, automatically', () => {
  it('prefers WebContainers when they boot', async () => {
    const api = createFakeWebContainerApi({ programs: { npm: async () => 0 } });
    const { runtime, choice } = await chooseRuntime({ environment: CAPABLE, loadWebContainer: async () => api, bootTimeoutMs: 500, local: localAt(runner.origin) });
    expect(choice).toEqual({ kind: 'webcontainer', reason: 'Running in WebContainers: Node.js inside this browser tab.' });
    expect(runtime?.kind).toBe('webcontainer');
    // The committed lockfile is what gets installed.
    expect(api.instance?.spawned[0]).toMatchObject({ command: 'npm', args: ['ci', '--no-audit', '--no-fund'] });
    expect(String(await api.instance?.fs.readFile('package-lock.json', 'utf8'))).toContain('"lockfileVersion"');
    await runtime?.dispose();
  });

  it('falls back to the local runner within the boot timeout when StackBlitz never answers', async () => {
    const started = Date.now();
    const { runtime, choice } = await chooseRuntime({
      environment: CAPABLE,
      loadWebContainer: async () => createFakeWebContainerApi({ boot: 'hang' }),
      bootTimeoutMs: 300,
      local: localAt(runner.origin),
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(choice).toEqual({ kind: 'local', reason: 'WebContainers could not start (no answer from StackBlitz within 0.3 s) — using the local runner on this machine.' });
    await runtime?.writeFile('hello.txt', 'works');
    expect(new TextDecoder().decode(await runtime?.readFile('hello.txt'))).toBe('works');
    await runtime?.dispose();
  });

  it('does not even load WebContainers on a page that is not cross-origin isolated', async () => {
    let loaded = false;
    const { runtime, choice } = await chooseRuntime({
      environment: { ...CAPABLE, crossOriginIsolated: false },
      loadWebContainer: async () => {
        loaded = true;
        return createFakeWebContainerApi();
      },
      local: localAt(runner.origin),
    });
    expect(loaded).toBe(false);
    expect(choice.reason).toBe('WebContainers could not start (the page is not cross-origin isolated (the COOP/COEP headers are missing)) — using the local runner on this machine.');
    await runtime?.dispose();
  });

  it('ends with no runtime, saying why, when neither is available', async () => {
    const { runtime, choice } = await chooseRuntime({ environment: { ...CAPABLE, isSecureContext: false }, local: localAt(noRunnerOrigin) });
    expect(runtime).toBeUndefined();
    expect(choice).toEqual({
      kind: 'none',
      reason:
        'WebContainers could not start (the page is not served over HTTPS or from localhost) and this server does not offer a local runner, so server lessons cannot run here — SQL lessons still work.',
    });
  });
});

describe('chooseRuntime, forced', () => {
  it('?runtime=none uses nothing', async () => {
    expect(await chooseRuntime({ forced: 'none' })).toEqual({ runtime: undefined, choice: { kind: 'none', reason: 'No runtime, as ?runtime=none asks — SQL lessons still work.' } });
  });

  it('?runtime=local skips WebContainers', async () => {
    let loaded = false;
    const { runtime, choice } = await chooseRuntime({ forced: 'local', environment: CAPABLE, loadWebContainer: async () => {
        loaded = true;
        return createFakeWebContainerApi();
      }, local: localAt(runner.origin) });
    expect(loaded).toBe(false);
    expect(choice).toEqual({ kind: 'local', reason: 'Using the local runner on this machine, as ?runtime=local asks.' });
    await runtime?.dispose();
  });

  it('?runtime=local without a runner, and ?runtime=webcontainer that fails, do not fall back', async () => {
    expect((await chooseRuntime({ forced: 'local', local: localAt(noRunnerOrigin) })).choice).toEqual({
      kind: 'none',
      reason: 'The local runner was requested with ?runtime=local, but this server does not offer a local runner — SQL lessons still work.',
    });
    const failed = await chooseRuntime({ forced: 'webcontainer', environment: CAPABLE, loadWebContainer: async () => createFakeWebContainerApi({ boot: 'hang' }), bootTimeoutMs: 100, local: localAt(runner.origin) });
    expect(failed.choice).toEqual({
      kind: 'none',
      reason: 'WebContainers were requested with ?runtime=webcontainer but could not start (no answer from StackBlitz within 0.1 s) — SQL lessons still work.',
    });
    expect(runner.host.openWorkspaces).toBe(0);
  });
});
