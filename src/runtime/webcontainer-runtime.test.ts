import { describe, expect, it } from 'vitest';
import { EMBEDDER_POLICY } from '../node/isolation-headers.ts';
import { fakeDependencies } from '../../tests/support/fake-dependencies.ts';
import { memoryStorage } from '../../tests/support/memory-storage.ts';
import { describeRuntimeContract, readAll } from '../../tests/support/runtime-contract.ts';
import { createFakeWebContainerApi, type FakeWebContainer } from '../../tests/support/webcontainer-fake.ts';
import { fakeNode } from '../../tests/support/webcontainer-fake-node.ts';
import { BOOT_MEMORY_KEY, recentBootFailure } from './webcontainer-boot-memory.ts';
import type { LoadDependencies } from './webcontainer-deps.ts';
import { WEBCONTAINER_COEP, WebContainerRuntime, WebContainerStartError, type StartProgress, type WebContainerApi } from './webcontainer-runtime.ts';

const TEMPLATE = { 'package.json': '{"type":"module"}' };

function fakeApi(options: Parameters<typeof createFakeWebContainerApi>[0] = {}) {
  return createFakeWebContainerApi({ programs: { node: fakeNode }, ...options });
}

interface BootWith {
  timeoutMs?: number;
  dependencies?: LoadDependencies;
  memory?: ReturnType<typeof memoryStorage>;
  onProgress?: (progress: StartProgress) => void;
}

const bootWith = (api: WebContainerApi, { timeoutMs = 200, dependencies = fakeDependencies(), memory = memoryStorage(), onProgress }: BootWith = {}) =>
  WebContainerRuntime.boot({ load: async () => api, template: TEMPLATE, bootTimeoutMs: timeoutMs, dependencies, memory, ...(onProgress ? { onProgress } : {}) });

const contractApi = fakeApi();
const contractDependencies = fakeDependencies();
describeRuntimeContract('WebContainer adapter (over the faithful fake @webcontainer/api)', {
  create: () => bootWith(contractApi, { dependencies: contractDependencies }),
  port: async () => 3000,
  supportsServerReady: true,
  async expectCleanedUp() {
    expect(await contractApi.instance?.fs.readdir('.')).toEqual(['node_modules', 'package.json']);
  },
});

describe('WebContainer adapter', () => {
  it('boots once per page with the COEP the app is served with, and mounts the dependency snapshot once — no npm', async () => {
    expect(WEBCONTAINER_COEP).toBe(EMBEDDER_POLICY);
    const api = fakeApi();
    const dependencies = fakeDependencies();
    const first = await bootWith(api, { dependencies });
    await first.mount({ 'server.js': 'first lesson' });
    await first.dispose();
    const second = await bootWith(api, { dependencies });
    await second.mount({ 'other.js': 'second lesson' });
    expect(api.bootCalls).toBe(1);
    expect(dependencies.calls).toBe(1);
    expect(api.instance?.bootOptions).toMatchObject({ coep: 'require-corp' });
    expect(api.instance?.spawned).toEqual([]);
    expect(await api.instance?.fs.readFile('node_modules/express/package.json', 'utf8')).toBe('{"name":"express"}');
    // Switching lessons re-mounts files, not the container: the old lesson's files are gone, the dependencies stay.
    expect(await api.instance?.fs.readdir('.')).toEqual(['node_modules', 'other.js', 'package.json']);
    await second.dispose();
  });

  it('says how far it has got: loading, booting, downloading, unpacking, ready', async () => {
    const steps: StartProgress[] = [];
    const runtime = await bootWith(fakeApi({ bootMs: 20 }), { onProgress: (progress) => steps.push(progress) });
    await runtime.mount({});
    expect([...new Set(steps.map(({ step }) => step))]).toEqual(['loading', 'booting', 'downloading', 'mounting', 'ready']);
    expect(steps.find(({ step }) => step === 'downloading')?.text).toMatch(/lesson libraries: 0\.0 of 0\.0 MB/);
    expect(steps.at(-1)?.text).toBe('WebContainers are ready.');
    await runtime.dispose();
  });

  it('gives up on a boot that never answers, remembers it, and does not boot twice while it hangs', async () => {
    const api = fakeApi({ boot: 'hang' });
    const memory = memoryStorage();
    const started = Date.now();
    await expect(bootWith(api, { timeoutMs: 100, memory })).rejects.toThrow(new WebContainerStartError('no answer from StackBlitz within 0.1 s'));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(recentBootFailure(memory)).toMatchObject({ booted: false, reason: 'no answer from StackBlitz within 0.1 s' });
    await expect(bootWith(api, { timeoutMs: 50, memory })).rejects.toThrow(/no answer from StackBlitz/);
    expect(api.bootCalls).toBe(1);
  });

  it('keeps a boot that finishes after the deadline, and remembers that it worked', async () => {
    const api = fakeApi({ bootMs: 150 });
    const memory = memoryStorage();
    await expect(bootWith(api, { timeoutMs: 50, memory })).rejects.toThrow(/no answer from StackBlitz within 0\.1 s|within 0\.05 s/);
    await expect.poll(() => JSON.parse(memory.getItem(BOOT_MEMORY_KEY) ?? '{}') as unknown).toMatchObject({ booted: true });
    const started = Date.now();
    const runtime = await bootWith(api, { timeoutMs: 50, memory });
    expect(Date.now() - started).toBeLessThan(50);
    expect(api.bootCalls).toBe(1);
    await runtime.dispose();
  });

  it('reports a failed boot, remembers it, and may retry it', async () => {
    const failing = fakeApi({ boot: new Error('Unsupported browser') });
    const memory = memoryStorage();
    await expect(bootWith(failing, { memory })).rejects.toThrow('boot failed: Unsupported browser');
    expect(recentBootFailure(memory)?.reason).toBe('boot failed: Unsupported browser');
    await expect(bootWith(failing, { memory })).rejects.toThrow('boot failed: Unsupported browser');
    expect(failing.bootCalls).toBe(2);
  });

  it('reports an API module that cannot be loaded, without remembering it as a boot failure', async () => {
    const memory = memoryStorage();
    await expect(WebContainerRuntime.boot({ load: () => Promise.reject(new Error('chunk failed')), memory })).rejects.toThrow('its code could not be loaded (chunk failed)');
    expect(memory.entries.size).toBe(0);
  });

  it('treats an `error` event during boot as a failed start', async () => {
    const api = fakeApi();
    const breaking: WebContainerApi = {
      WebContainer: {
        boot: async (options) => {
          const container = (await api.WebContainer.boot(options)) as FakeWebContainer;
          container.fs.writeFile = async () => {
            container.emitError('Failed to initialize the file system');
            return new Promise<never>(() => {});
          };
          return container;
        },
      },
    };
    await expect(bootWith(breaking)).rejects.toThrow('it reported an error: Failed to initialize the file system');
  });

  it('forwards later `error` events to onError', async () => {
    const api = fakeApi();
    const runtime = await bootWith(api);
    const errors: string[] = [];
    runtime.onError((message) => errors.push(message));
    api.instance?.emitError('out of memory');
    await expect.poll(() => errors).toEqual(['out of memory']);
    await runtime.dispose();
  });

  it('says why a process cannot start when the libraries could not be downloaded, and downloads again next time', async () => {
    // Attempt 1 runs during the boot, attempt 2 when the container is set up; both fail here.
    let attempts = 0;
    const working = fakeDependencies();
    const flaky: LoadDependencies = async (onProgress) => {
      attempts++;
      if (attempts <= 2) throw new Error('the lesson libraries could not be downloaded from /assets/deps.bin.gz (HTTP 404)');
      return working(onProgress);
    };
    const api = fakeApi();
    const runtime = await bootWith(api, { dependencies: flaky });
    await expect(runtime.spawn('node', ['x.mjs'])).rejects.toThrow('The lesson libraries could not be set up: the lesson libraries could not be downloaded from /assets/deps.bin.gz (HTTP 404).');
    await runtime.dispose();
    const again = await bootWith(api, { dependencies: flaky });
    const process = await again.spawn('node', ['missing.mjs']);
    expect(attempts).toBe(3);
    expect(await readAll(process)).toContain("Cannot find module 'missing.mjs'");
    await again.dispose();
  });

  it('reports a server once when both `port` and `server-ready` announce it', async () => {
    const runtime = await bootWith(fakeApi());
    await runtime.writeFile('serve.mjs', '');
    const ready: number[] = [];
    runtime.onServerReady((port) => ready.push(port));
    const server = await runtime.spawn('node', ['serve.mjs'], { env: { PORT: '4000' } });
    await expect.poll(() => ready).toEqual([4000]);
    server.kill();
    await server.exit;
    await runtime.dispose();
  });

  it('passes file-system errors on by message (the API drops `.code`)', async () => {
    const runtime = await bootWith(fakeApi());
    const error = await runtime.readFile('missing.txt').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^ENOENT: no such file or directory/);
    expect((error as { code?: string }).code).toBeUndefined();
    await runtime.dispose();
  });

  it('runs an unknown command like a shell: exit 127 and a message', async () => {
    const runtime = await bootWith(fakeApi());
    const process = await runtime.spawn('no-such-tool', []);
    expect(await readAll(process)).toBe('jsh: command not found: no-such-tool\n');
    expect(await process.exit).toBe(127);
    await runtime.dispose();
  });

  it('refuses node_modules and the workspace root, and works no more once disposed', async () => {
    const runtime = await bootWith(fakeApi());
    await expect(runtime.writeFile('node_modules/express/index.js', 'x')).rejects.toThrow(/node_modules/);
    await expect(runtime.remove('')).rejects.toThrow(/workspace itself/);
    await runtime.dispose();
    await expect(runtime.readFile('package.json')).rejects.toThrow(/disposed/);
  });
});
