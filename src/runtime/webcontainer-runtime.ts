/**
 * The Runtime over StackBlitz's WebContainers: Node.js inside this browser tab.
 *
 * Facts that shape it (see ARCHITECTURE.md, "Runtimes"):
 *   - One container per page: `boot()` may only run once (a second concurrent boot throws), so
 *     the boot is remembered per API module and every WebContainerRuntime shares it. A runtime
 *     is a *session* on that container: switching lessons disposes the session (its processes
 *     and files) and re-mounts files, never the container.
 *   - `boot()` hangs forever, with no error, when stackblitz.com cannot be reached; `boot`
 *     here gives up after `bootTimeoutMs` and names the reason, so the app can fall back.
 *   - The lesson template's dependencies are installed once per page (from the committed
 *     lockfile, `npm ci`) into the workdir's node_modules and reused by every session.
 *   - Processes write to a pseudo-terminal; output is normalized back to `\n` line endings.
 * The API module is injected (`load`), so tests run against webcontainer-fake.ts and the app
 * lazy-loads the real one (it is not part of the first-load bundle).
 */
import type { BootOptions, WebContainer, WebContainerProcess } from '@webcontainer/api';
import { toFileSystemTree } from './file-tree.ts';
import type { FileTree, Runtime, RuntimeProcess, SpawnOptions } from './runtime.ts';
import { terminalNewlines } from './terminal-newlines.ts';
import { DEPENDENCIES_DIR, checkedWorkspacePath } from './workspace-path.ts';

/** What the adapter uses of a booted container (the real class has private members a fake cannot match). */
export type WebContainerInstance = Pick<WebContainer, 'fs' | 'mount' | 'spawn' | 'on' | 'teardown'>;

/** What the adapter uses of the `@webcontainer/api` module. */
export interface WebContainerApi {
  WebContainer: { boot(options?: BootOptions): Promise<WebContainerInstance> };
}

export interface WebContainerRuntimeOptions {
  /** Loads the API module; defaults to a dynamic import of `@webcontainer/api`. */
  load?: () => Promise<WebContainerApi>;
  /** How long boot (and its first file-system round trip) may take; default 6 s. */
  bootTimeoutMs?: number;
  /** The lesson template (package.json, package-lock.json): installed once per page, restored after each session. */
  template?: FileTree;
}

/** Why WebContainers could not be used, as a phrase the chooser puts into a sentence. */
export class WebContainerStartError extends Error {
  override name = 'WebContainerStartError';
}

export const DEFAULT_BOOT_TIMEOUT_MS = 6000;
/**
 * Must match the Cross-Origin-Embedder-Policy the app is served with
 * (src/node/isolation-headers.ts; a unit test keeps them equal).
 */
export const WEBCONTAINER_COEP = 'require-corp';
const PROBE_FILE = '.playground-probe';
/** How long dispose waits for killed processes to report their exit. */
const KILL_WAIT_MS = 2000;
const INSTALL_LOG_LINES = 15;

const boots = new WeakMap<WebContainerApi['WebContainer'], Promise<WebContainerInstance>>();
const installs = new WeakMap<WebContainerInstance, Promise<void>>();

const loadRealApi = (): Promise<WebContainerApi> => import('@webcontainer/api');

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function withTimeout<T>(promise: Promise<T>, ms: number, reason: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new WebContainerStartError(reason)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function bootOnce(api: WebContainerApi): Promise<WebContainerInstance> {
  let booting = boots.get(api.WebContainer);
  if (!booting) {
    booting = api.WebContainer.boot({ coep: WEBCONTAINER_COEP, workdirName: 'playground' });
    boots.set(api.WebContainer, booting);
    // A failed boot may be retried; a pending one is shared (a second boot() would throw).
    booting.catch(() => boots.delete(api.WebContainer));
  }
  return booting;
}

async function readTail(process: WebContainerProcess): Promise<string> {
  let text = '';
  const reader = process.output.pipeThrough(terminalNewlines()).getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text = (text + chunk.value).slice(-8000);
  return text.trim().split('\n').slice(-INSTALL_LOG_LINES).join('\n');
}

async function installDependencies(container: WebContainerInstance, template: FileTree): Promise<void> {
  if (!template['package.json']) return;
  await container.mount(toFileSystemTree(template));
  const args = [template['package-lock.json'] ? 'ci' : 'install', '--no-audit', '--no-fund'];
  const process = await container.spawn('npm', args);
  const [log, code] = await Promise.all([readTail(process), process.exit]);
  if (code !== 0) throw new Error(`Installing the lesson template's dependencies failed (npm ${args[0]} exited with ${code}):\n${log}`);
}

function installOnce(container: WebContainerInstance, template: FileTree): Promise<void> {
  let installing = installs.get(container);
  if (!installing) {
    installing = installDependencies(container, template);
    installs.set(container, installing);
    // Let the next session try again rather than keep a failure for the whole page.
    installing.catch(() => installs.delete(container));
  }
  return installing;
}

export class WebContainerRuntime implements Runtime {
  readonly kind = 'webcontainer';
  private readonly processes = new Set<WebContainerProcess>();
  private readonly serverReadyListeners = new Set<(port: number, url: string) => void>();
  private readonly errorListeners = new Set<(message: string) => void>();
  private readonly openPorts = new Set<number>();
  private readonly unsubscribe: (() => void)[];
  private disposed = false;

  private constructor(
    private readonly container: WebContainerInstance,
    private readonly template: FileTree,
  ) {
    const announce = (port: number, url: string) => {
      if (this.openPorts.has(port)) return;
      this.openPorts.add(port);
      for (const listener of this.serverReadyListeners) listener(port, url);
    };
    this.unsubscribe = [
      container.on('server-ready', announce),
      container.on('port', (port, type, url) => (type === 'open' ? announce(port, url) : this.openPorts.delete(port))),
      container.on('error', ({ message }) => {
        for (const listener of this.errorListeners) listener(message);
      }),
    ];
  }

  /**
   * Boots the page's container (or reuses it), proves it answers within the timeout, and
   * starts installing the template's dependencies in the background (`spawn` and `mount`
   * wait for them). Rejects with a WebContainerStartError saying why it cannot be used.
   */
  static async boot(options: WebContainerRuntimeOptions = {}): Promise<WebContainerRuntime> {
    const timeoutMs = options.bootTimeoutMs ?? DEFAULT_BOOT_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    let api: WebContainerApi;
    try {
      api = await (options.load ?? loadRealApi)();
    } catch (error) {
      throw new WebContainerStartError(`its code could not be loaded (${error instanceof Error ? error.message : String(error)})`);
    }
    let container: WebContainerInstance;
    try {
      container = await withTimeout(bootOnce(api), Math.max(0, deadline - Date.now()), `no answer from StackBlitz within ${seconds(timeoutMs)}`);
    } catch (error) {
      if (error instanceof WebContainerStartError) throw error;
      throw new WebContainerStartError(`boot failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    // A booted container can still be broken; `error` events are how it says so.
    let stopWatching: () => void = () => {};
    const broken = new Promise<never>((_, reject) => {
      stopWatching = container.on('error', ({ message }) => reject(new WebContainerStartError(`it reported an error: ${message}`)));
    });
    try {
      const probe = (async () => {
        await container.fs.writeFile(PROBE_FILE, 'ok');
        await container.fs.readFile(PROBE_FILE);
        await container.fs.rm(PROBE_FILE, { force: true });
      })();
      await withTimeout(Promise.race([probe, broken]), Math.max(0, deadline - Date.now()), `its file system did not answer within ${seconds(timeoutMs)}`);
    } finally {
      stopWatching();
    }
    const template = options.template ?? {};
    void installOnce(container, template).catch(() => {}); // reported by the first spawn/mount that needs it
    return new WebContainerRuntime(container, template);
  }

  /** Errors the container reports after boot (the app may show them; the Runtime interface has no place for them). */
  onError(callback: (message: string) => void): () => void {
    this.errorListeners.add(callback);
    return () => this.errorListeners.delete(callback);
  }

  private assertLive(): void {
    if (this.disposed) throw new Error('This WebContainer session was disposed; start a new one.');
  }

  private async ready(): Promise<void> {
    this.assertLive();
    await installOnce(this.container, this.template);
  }

  async mount(files: FileTree): Promise<void> {
    const tree = toFileSystemTree(files);
    await this.ready();
    await this.container.mount(tree);
  }

  async writeFile(path: string, data: string | Uint8Array): Promise<void> {
    this.assertLive();
    const segments = checkedWorkspacePath(path);
    if (segments.length > 1) await this.container.fs.mkdir(segments.slice(0, -1).join('/'), { recursive: true });
    await this.container.fs.writeFile(segments.join('/'), data);
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.assertLive();
    return this.container.fs.readFile(checkedWorkspacePath(path).join('/'));
  }

  async remove(path: string): Promise<void> {
    this.assertLive();
    await this.container.fs.rm(checkedWorkspacePath(path).join('/'), { recursive: true, force: true });
  }

  async spawn(command: string, args: string[], options: SpawnOptions = {}): Promise<RuntimeProcess> {
    const cwd = options.cwd === undefined ? undefined : checkedWorkspacePath(options.cwd, { allowRoot: true }).join('/');
    await this.ready();
    const process = await this.container.spawn(command, args, { cwd: cwd || undefined, env: options.env });
    this.processes.add(process);
    void process.exit.finally(() => this.processes.delete(process));
    return {
      output: process.output.pipeThrough(terminalNewlines()),
      input: process.input,
      exit: process.exit,
      kill: () => process.kill(),
    };
  }

  onServerReady(callback: (port: number, url: string) => void): () => void {
    this.serverReadyListeners.add(callback);
    return () => this.serverReadyListeners.delete(callback);
  }

  /**
   * Ends the session, not the container: kills its processes, deletes every file but the
   * installed dependencies, and puts the template back for the next lesson.
   */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const running = [...this.processes];
    for (const process of running) process.kill();
    await Promise.race([Promise.all(running.map((process) => process.exit)), new Promise((resolve) => setTimeout(resolve, KILL_WAIT_MS))]);
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    for (const name of await this.container.fs.readdir('.')) {
      if (name !== DEPENDENCIES_DIR) await this.container.fs.rm(name, { recursive: true, force: true });
    }
    if (Object.keys(this.template).length > 0) await this.container.mount(toFileSystemTree(this.template));
  }
}
