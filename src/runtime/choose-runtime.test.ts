import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startTestRunnerServer, type TestRunnerServer } from '../../tests/support/test-runner-server.ts';
import { fakeDependencies } from '../../tests/support/fake-dependencies.ts';
import { memoryStorage } from '../../tests/support/memory-storage.ts';
import { createFakeWebContainerApi } from '../../tests/support/webcontainer-fake.ts';
import { chooseRuntime, retryWebContainers, type ChooseRuntimeOptions } from './choose-runtime.ts';
import { mayUseLocalRunner, parseRuntimeParam } from './runtime-param.ts';
import type { RunnerSocket } from './local-runtime.ts';
import { fetchRunnerSession } from './runner-session.ts';
import { rememberBootOutcome } from './webcontainer-boot-memory.ts';
import type { BrowserEnvironment } from './webcontainer-support.ts';

const CAPABLE: BrowserEnvironment = { isBrowser: true, isSecureContext: true, crossOriginIsolated: true, hasSharedArrayBuffer: true, isAppleMobile: false };
const IPAD: BrowserEnvironment = { ...CAPABLE, isAppleMobile: true };

let runner: TestRunnerServer;
/** The runner's cookie, as a browser has it after opening the printed link. */
let cookie: string;
let noRunner: Server;
let noRunnerOrigin: string;
beforeAll(async () => {
  runner = await startTestRunnerServer();
  cookie = await runner.signIn();
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
  return {
    baseUrl: origin,
    fetch: (input, init) => fetch(input, { ...init, headers: { Cookie: cookie } }),
    openSocket: (url, protocols) => new WebSocket(url, protocols, { origin, headers: { Cookie: cookie } }) as RunnerSocket,
  };
}

/** What every test passes: a fresh memory and the test snapshot instead of the build's. */
const page = (options: ChooseRuntimeOptions = {}): ChooseRuntimeOptions => ({ memory: memoryStorage(), loadDependencies: fakeDependencies(), ...options });

describe('parseRuntimeParam', () => {
  it('reads ?runtime=local|webcontainer|none and reports anything else', () => {
    expect(parseRuntimeParam('?runtime=local')).toEqual({ forced: 'local' });
    expect(parseRuntimeParam('?lesson=x&runtime=webcontainer')).toEqual({ forced: 'webcontainer' });
    expect(parseRuntimeParam('runtime=none')).toEqual({ forced: 'none' });
    expect(parseRuntimeParam('')).toEqual({});
    expect(parseRuntimeParam('?runtime=docker')).toEqual({ problem: '?runtime=docker is not one of local, webcontainer, none, so the runtime is chosen automatically.' });
  });

  it('lets the page skip asking the local runner for a session when the forced choice cannot use it', () => {
    expect([undefined, 'local', 'webcontainer', 'none'].map((forced) => mayUseLocalRunner(forced as Parameters<typeof mayUseLocalRunner>[0]))).toEqual([true, true, false, false]);
  });
});

describe('chooseRuntime, automatically', () => {
  it('prefers WebContainers when they boot, and mounts the template and its dependency snapshot (no npm)', async () => {
    const api = createFakeWebContainerApi();
    const steps: string[] = [];
    const { runtime, choice, canRetryWebContainers } = await chooseRuntime(
      page({ environment: CAPABLE, loadWebContainer: async () => api, bootTimeoutMs: 500, local: localAt(runner.origin), onProgress: ({ step }) => steps.push(step) }),
    );
    expect(choice).toEqual({ kind: 'webcontainer', reason: 'Running in WebContainers: Node.js inside this browser tab.' });
    expect(canRetryWebContainers).toBe(false);
    await runtime?.mount({ 'server.js': '' });
    expect(api.instance?.spawned).toEqual([]);
    expect(String(await api.instance?.fs.readFile('package.json', 'utf8'))).toContain('"engines"');
    expect(await api.instance?.fs.readdir('node_modules')).toEqual(['express']);
    expect(steps.at(-1)).toBe('ready');
    await runtime?.dispose();
  });

  it('remembers a boot that timed out: the next page load uses the local runner at once and offers a retry', async () => {
    const memory = memoryStorage();
    const hanging = { environment: CAPABLE, loadWebContainer: async () => createFakeWebContainerApi({ boot: 'hang' }), bootTimeoutMs: 100, local: localAt(runner.origin), memory };
    const first = await chooseRuntime(page(hanging));
    expect(first.canRetryWebContainers).toBe(true);
    await first.runtime?.dispose();
    let loaded = false;
    const started = Date.now();
    const second = await chooseRuntime(page({ ...hanging, bootTimeoutMs: 20_000, loadWebContainer: async () => ((loaded = true), createFakeWebContainerApi({ boot: 'hang' })) }));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(loaded).toBe(false);
    expect(second.choice).toEqual({
      kind: 'local',
      reason: 'WebContainers did not start in this browser moments ago (no answer from StackBlitz within 0.1 s), so the local runner on this machine runs the lesson.',
    });
    expect(second.canRetryWebContainers).toBe(true);
    await second.runtime?.dispose();
  });

  it('"Try WebContainers again" forgets the failure and boots', async () => {
    const memory = memoryStorage();
    rememberBootOutcome(memory, { booted: false, at: Date.now(), reason: 'no answer from StackBlitz within 20 s' });
    const api = createFakeWebContainerApi();
    const { runtime, choice } = await retryWebContainers(page({ environment: CAPABLE, loadWebContainer: async () => api, local: localAt(runner.origin), memory }));
    expect(choice.kind).toBe('webcontainer');
    expect(JSON.parse(memory.getItem('playground:webcontainer-boot') ?? '{}')).toMatchObject({ booted: true });
    await runtime?.dispose();
  });

  it('tries WebContainers despite a remembered failure when there is no local runner to fall back on', async () => {
    const memory = memoryStorage();
    rememberBootOutcome(memory, { booted: false, at: Date.now(), reason: 'no answer from StackBlitz within 20 s' });
    const { runtime, choice } = await chooseRuntime(page({ environment: CAPABLE, loadWebContainer: async () => createFakeWebContainerApi(), local: localAt(noRunnerOrigin), memory }));
    expect(choice.kind).toBe('webcontainer');
    await runtime?.dispose();
  });

  it('holds WebContainers on iPhone and iPad: the local runner if offered, else none — both offer a retry', async () => {
    let loaded = false;
    const loadWebContainer = async () => ((loaded = true), createFakeWebContainerApi());
    const withRunner = await chooseRuntime(page({ environment: IPAD, loadWebContainer, local: localAt(runner.origin) }));
    expect(withRunner.choice).toEqual({
      kind: 'local',
      reason: 'WebContainers were not started (they are not started on their own on iPhone and iPad, where they can crash the browser tab), so the local runner on this machine runs the lesson.',
    });
    expect(withRunner.canRetryWebContainers).toBe(true);
    await withRunner.runtime?.dispose();
    const alone = await chooseRuntime(page({ environment: IPAD, loadWebContainer, local: localAt(noRunnerOrigin) }));
    expect(alone.choice.kind).toBe('none');
    expect(alone.canRetryWebContainers).toBe(true);
    expect(loaded).toBe(false);
  });

  it('falls back to the local runner within the boot timeout when StackBlitz never answers', async () => {
    const started = Date.now();
    const { runtime, choice } = await chooseRuntime(
      page({
        environment: CAPABLE,
        loadWebContainer: async () => createFakeWebContainerApi({ boot: 'hang' }),
        bootTimeoutMs: 300,
        local: localAt(runner.origin),
      }),
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(choice).toEqual({ kind: 'local', reason: 'WebContainers could not start (no answer from StackBlitz within 0.3 s) — using the local runner on this machine.' });
    await runtime?.writeFile('hello.txt', 'works');
    expect(new TextDecoder().decode(await runtime?.readFile('hello.txt'))).toBe('works');
    await runtime?.dispose();
  });

  it('does not even load WebContainers on a page that is not cross-origin isolated', async () => {
    let loaded = false;
    const { runtime, choice, canRetryWebContainers } = await chooseRuntime(
      page({
        environment: { ...CAPABLE, crossOriginIsolated: false },
        loadWebContainer: async () => {
          loaded = true;
          return createFakeWebContainerApi();
        },
        local: localAt(runner.origin),
      }),
    );
    expect(canRetryWebContainers).toBe(false);
    expect(loaded).toBe(false);
    expect(choice.reason).toBe('WebContainers could not start (the page is not cross-origin isolated (the COOP/COEP headers are missing)) — using the local runner on this machine.');
    await runtime?.dispose();
  });

  it('ends with no runtime, saying why, when neither is available', async () => {
    const { runtime, choice } = await chooseRuntime(page({ environment: { ...CAPABLE, isSecureContext: false }, local: localAt(noRunnerOrigin) }));
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
    expect(await chooseRuntime({ forced: 'none' })).toEqual({
      runtime: undefined,
      choice: { kind: 'none', reason: 'No runtime, as ?runtime=none asks — SQL lessons still work.' },
      canRetryWebContainers: false,
    });
  });

  it('?runtime=webcontainer starts them on an iPad too (the learner asked)', async () => {
    const { runtime, choice } = await chooseRuntime(page({ forced: 'webcontainer', environment: IPAD, loadWebContainer: async () => createFakeWebContainerApi() }));
    expect(choice.kind).toBe('webcontainer');
    await runtime?.dispose();
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

  it('uses the session answer the page asked for at boot instead of asking again', async () => {
    const asked: string[] = [];
    const local = localAt(runner.origin);
    const counting: ChooseRuntimeOptions['local'] = { ...local, fetch: (input, init) => (asked.push(String(input)), fetch(input, { ...init, headers: { Cookie: cookie } })) };
    const early = fetchRunnerSession(counting);
    const { runtime, choice } = await chooseRuntime({ forced: 'local', local: counting, runnerSession: early });
    expect(choice.kind).toBe('local');
    expect(asked).toEqual([`${runner.origin}/__runner/session`]);
    await runtime?.dispose();
    // An early answer saying "sign in first" is reported like a fresh one.
    const signedOut = await chooseRuntime({ forced: 'local', local, runnerSession: Promise.resolve('open the link printed in the terminal') });
    expect(signedOut.choice).toEqual({ kind: 'none', reason: 'The local runner was requested with ?runtime=local, but open the link printed in the terminal — SQL lessons still work.' });
  });

  it('?runtime=local without a runner, and ?runtime=webcontainer that fails, do not fall back', async () => {
    expect((await chooseRuntime({ forced: 'local', local: localAt(noRunnerOrigin) })).choice).toEqual({
      kind: 'none',
      reason: 'The local runner was requested with ?runtime=local, but this server does not offer a local runner — SQL lessons still work.',
    });
    const failed = await chooseRuntime(
      page({ forced: 'webcontainer', environment: CAPABLE, loadWebContainer: async () => createFakeWebContainerApi({ boot: 'hang' }), bootTimeoutMs: 100, local: localAt(runner.origin) }),
    );
    expect(failed.choice).toEqual({
      kind: 'none',
      reason: 'WebContainers were requested with ?runtime=webcontainer but could not start (no answer from StackBlitz within 0.1 s) — SQL lessons still work.',
    });
    expect(runner.host.openWorkspaces).toBe(0);
  });
});
