import { describe, expect, it } from 'vitest';
import { EMBEDDER_POLICY } from '../node/isolation-headers.ts';
import { describeRuntimeContract, readAll } from './runtime-contract.ts';
import { createFakeWebContainerApi, type FakeProgram, type FakeWebContainer } from './webcontainer-fake.ts';
import { fakeNode } from './webcontainer-fake-node.ts';
import { WEBCONTAINER_COEP, WebContainerRuntime, WebContainerStartError, type WebContainerApi } from './webcontainer-runtime.ts';

const TEMPLATE = { 'package.json': '{"type":"module"}', 'package-lock.json': '{"lockfileVersion":3}' };

/** Plays `npm ci` / `npm install`: creates node_modules like the real install would. */
const fakeNpm: FakeProgram = async ({ args, fs, write }) => {
  if (args[0] !== 'ci' && args[0] !== 'install') return 1;
  await fs.mkdir('node_modules/express', { recursive: true });
  await fs.writeFile('node_modules/express/package.json', '{"name":"express"}');
  write('added 1 package\n');
  return 0;
};

function fakeApi(options: Parameters<typeof createFakeWebContainerApi>[0] = {}) {
  return createFakeWebContainerApi({ programs: { node: fakeNode, npm: fakeNpm }, ...options });
}

const bootWith = (api: WebContainerApi, bootTimeoutMs = 200) => WebContainerRuntime.boot({ load: async () => api, template: TEMPLATE, bootTimeoutMs });

const contractApi = fakeApi();
describeRuntimeContract('WebContainer adapter (over the fake @webcontainer/api)', {
  create: () => bootWith(contractApi),
  port: async () => 3000,
  supportsServerReady: true,
  async expectCleanedUp() {
    expect(await contractApi.instance?.fs.readdir('.')).toEqual(['node_modules', 'package-lock.json', 'package.json']);
  },
});

describe('WebContainer adapter', () => {
  it('boots once per page with the COEP the app is served with, and installs dependencies once', async () => {
    expect(WEBCONTAINER_COEP).toBe(EMBEDDER_POLICY);
    const api = fakeApi();
    const first = await bootWith(api);
    await first.mount({ 'server.js': 'first lesson' });
    await first.dispose();
    const second = await bootWith(api);
    await second.mount({ 'other.js': 'second lesson' });
    expect(api.bootCalls).toBe(1);
    expect(api.instance?.bootOptions).toMatchObject({ coep: 'require-corp' });
    expect(api.instance?.spawned.filter(({ command }) => command === 'npm')).toEqual([{ command: 'npm', args: ['ci', '--no-audit', '--no-fund'], options: undefined }]);
    // Switching lessons re-mounts files, not the container: the old lesson's files are gone, the dependencies stay.
    expect(await api.instance?.fs.readdir('.')).toEqual(['node_modules', 'other.js', 'package-lock.json', 'package.json']);
    await second.dispose();
  });

  it('gives up on a boot that never answers, and does not boot twice while it hangs', async () => {
    const api = fakeApi({ boot: 'hang' });
    const started = Date.now();
    await expect(bootWith(api, 100)).rejects.toThrow(new WebContainerStartError('no answer from StackBlitz within 0.1 s'));
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(bootWith(api, 50)).rejects.toThrow(/no answer from StackBlitz/);
    expect(api.bootCalls).toBe(1);
  });

  it('reports a failed boot and may retry it', async () => {
    const failing = fakeApi({ boot: new Error('Unsupported browser') });
    await expect(bootWith(failing)).rejects.toThrow('boot failed: Unsupported browser');
    await expect(bootWith(failing)).rejects.toThrow('boot failed: Unsupported browser');
    expect(failing.bootCalls).toBe(2);
  });

  it('reports an API module that cannot be loaded', async () => {
    await expect(WebContainerRuntime.boot({ load: () => Promise.reject(new Error('chunk failed')) })).rejects.toThrow('its code could not be loaded (chunk failed)');
  });

  it("treats an `error` event during boot as a failed start", async () => {
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
    expect(errors).toEqual(['out of memory']);
    await runtime.dispose();
  });

  it('says why a process cannot start when the dependency install failed, and retries it next time', async () => {
    let attempts = 0;
    const api = fakeApi({
      programs: {
        node: fakeNode,
        npm: async (context) => {
          attempts++;
          if (attempts > 1) return fakeNpm(context);
          context.write('npm ERR! network unreachable\n');
          return 1;
        },
      },
    });
    const runtime = await bootWith(api);
    await expect(runtime.spawn('node', ['x.mjs'])).rejects.toThrow("Installing the lesson template's dependencies failed (npm ci exited with 1):\nnpm ERR! network unreachable");
    const process = await runtime.spawn('node', ['missing.mjs']);
    expect(attempts).toBe(2);
    expect(await readAll(process)).toContain("Cannot find module 'missing.mjs'");
    await runtime.dispose();
  });

  it('reports a server once when both `port` and `server-ready` announce it', async () => {
    const api = fakeApi();
    const runtime = await bootWith(api);
    await runtime.writeFile('serve.mjs', '');
    const ready: number[] = [];
    runtime.onServerReady((port) => ready.push(port));
    const server = await runtime.spawn('node', ['serve.mjs'], { env: { PORT: '4000' } });
    await expect.poll(() => ready).toEqual([4000]);
    server.kill();
    await server.exit;
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

describe('the WebContainer fake', () => {
  it('refuses a second boot while an instance is alive, like the real API', async () => {
    const api = createFakeWebContainerApi();
    const container = await api.WebContainer.boot();
    await expect(api.WebContainer.boot()).rejects.toThrow('Unable to create more instances');
    container.teardown();
    await expect(api.WebContainer.boot()).resolves.toBeDefined();
  });

  it('has an fs.promises-like file system scoped to the workdir', async () => {
    const container = (await createFakeWebContainerApi().WebContainer.boot()) as FakeWebContainer;
    await expect(container.fs.writeFile('missing/file.txt', 'x')).rejects.toThrow(/ENOENT/);
    await container.fs.mkdir('a/b', { recursive: true });
    await container.fs.writeFile('a/b/c.txt', 'hi');
    expect(await container.fs.readFile('a/b/c.txt', 'utf8')).toBe('hi');
    await expect(container.fs.rm('a')).rejects.toThrow(/EISDIR/);
    await container.fs.rm('a', { recursive: true });
    await expect(container.fs.readFile('a/b/c.txt')).rejects.toThrow(/ENOENT/);
    await container.mount({ src: { directory: { 'x.js': { file: { contents: '1' } } } } }, { mountPoint: 'app' });
    expect(await container.fs.readdir('app/src')).toEqual(['x.js']);
  });

  it('writes process output through a pseudo-terminal (\\r\\n)', async () => {
    const container = (await createFakeWebContainerApi({ programs: { hi: async ({ write }) => (write('a\nb\n'), 0) } }).WebContainer.boot()) as FakeWebContainer;
    const process = await container.spawn('hi', []);
    let text = '';
    await process.output.pipeTo(new WritableStream({ write: (chunk) => void (text += chunk) }));
    expect(text).toBe('a\r\nb\r\n');
    expect(await process.exit).toBe(0);
  });
});
