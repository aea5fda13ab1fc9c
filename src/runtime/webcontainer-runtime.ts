/**
 * The Runtime over StackBlitz's WebContainers: Node.js inside this browser tab.
 *
 * Facts that shape it (read from @webcontainer/api 1.6.4 dist/index.js; see ARCHITECTURE.md):
 *   - One container per page: boots queue on a lock and a second instance is refused, so the
 *     boot is remembered per API module and every WebContainerRuntime shares it. A runtime is a
 *     *session* on that container: dispose ends its processes and files, never the container.
 *   - `boot()` hangs forever, with no error, when StackBlitz cannot be reached (the iframe's
 *     handshake never comes, and is cached for the page). `boot` here gives up after
 *     `bootTimeoutMs` (20 s: a slow network still makes it) and remembers the failure in
 *     localStorage (webcontainer-boot-memory.ts). The boot goes on in the background: if it
 *     finishes late, the container is kept for the next attempt and the success remembered.
 *   - Dependencies come from our own origin: the template's trimmed node_modules snapshot is
 *     downloaded while the container boots and mounted once per page; nothing runs
 *     `npm install` or `npm ci` in the container.
 *   - Processes write to a pseudo-terminal; output is normalized back to `\n` line endings. The
 *     API hands over output already decoded to strings, chunk by chunk, so a character split
 *     across chunks arrives as U+FFFD and cannot be repaired here: protocol text must be ASCII.
 * The API module is injected (`load`), so tests run against tests/support/webcontainer-fake.ts
 * and the app lazy-loads the real one (it is not part of the first-load bundle).
 */
import type { BootOptions, WebContainer, WebContainerProcess } from '@webcontainer/api';
import { errorText } from '../shared/error-text.ts';
import { toFileSystemTree } from './file-tree.ts';
import type { FileTree, Runtime, RuntimeProcess, SpawnOptions } from './runtime.ts';
import { terminalNewlines } from './terminal-newlines.ts';
import { pageStorage, rememberBootOutcome, type BootMemoryStorage } from './webcontainer-boot-memory.ts';
import type { LoadDependencies } from './webcontainer-deps.ts';
import { WebContainerStartError, bootOnce, downloadOnce, megabytes, prepareOnce, probe, seconds, withTimeout } from './webcontainer-page.ts';
import { DEPENDENCIES_DIR, checkedWorkspacePath } from './workspace-path.ts';

/** What the adapter uses of a booted container (the real class has private members a fake cannot match). */
export type WebContainerInstance = Pick<WebContainer, 'fs' | 'mount' | 'spawn' | 'on' | 'teardown'>;

/** What the adapter uses of the `@webcontainer/api` module. */
export interface WebContainerApi {
  WebContainer: { boot(options?: BootOptions): Promise<WebContainerInstance> };
}

/** Where starting WebContainers has got to, as a sentence for the status line. */
export interface StartProgress {
  step: 'loading' | 'booting' | 'downloading' | 'mounting' | 'ready';
  text: string;
}

export interface WebContainerRuntimeOptions {
  /** Loads the API module; defaults to a dynamic import of `@webcontainer/api`. */
  load?: () => Promise<WebContainerApi>;
  /** How long boot (and its first file-system round trip) may take; default 20 s. */
  bootTimeoutMs?: number;
  /** The lesson template's own files (package.json): mounted once per page, restored after each session. */
  template?: FileTree;
  /** Loads the template's node_modules snapshot; without it the container has no dependencies. */
  dependencies?: LoadDependencies;
  onProgress?: (progress: StartProgress) => void;
  /** Where boot outcomes are remembered; the page's localStorage by default. */
  memory?: BootMemoryStorage;
}

export { WEBCONTAINER_COEP, WebContainerStartError } from './webcontainer-page.ts';

const DEFAULT_BOOT_TIMEOUT_MS = 20_000;
/** How long dispose waits for killed processes to report their exit. */
const KILL_WAIT_MS = 2000;

const loadRealApi = (): Promise<WebContainerApi> => import('@webcontainer/api');

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
    private readonly prepared: () => Promise<void>,
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
   * Boots the page's container (or reuses it, even one that booted after an earlier deadline),
   * proves it answers, and sets up the template and its dependencies in the background (`spawn`
   * and `mount` wait for them). Rejects with a WebContainerStartError saying why it cannot be used.
   */
  static async boot(options: WebContainerRuntimeOptions = {}): Promise<WebContainerRuntime> {
    const timeoutMs = options.bootTimeoutMs ?? DEFAULT_BOOT_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    const memory = 'memory' in options ? options.memory : pageStorage();
    const report = options.onProgress ?? (() => {});
    report({ step: 'loading', text: 'Loading WebContainers…' });
    let api: WebContainerApi;
    try {
      api = await (options.load ?? loadRealApi)();
    } catch (error) {
      throw new WebContainerStartError(`its code could not be loaded (${errorText(error)})`);
    }
    let booted = false;
    report({ step: 'booting', text: 'Starting Node.js in this tab (WebContainers)…' });
    const load = options.dependencies;
    const downloadProgress = (received: number, total: number) =>
      report({
        step: 'downloading',
        text: `${booted ? 'Downloading the lesson libraries' : 'Starting Node.js in this tab (WebContainers); lesson libraries'}: ${megabytes(received)} of ${megabytes(total)} MB…`,
      });
    // The download runs while the container boots; failures surface in the first spawn/mount.
    if (load) downloadOnce(load, downloadProgress)?.catch(() => {});
    let container: WebContainerInstance;
    try {
      container = await withTimeout(bootOnce(api, memory), Math.max(0, deadline - Date.now()), `no answer from StackBlitz within ${seconds(timeoutMs)}`);
      booted = true;
      await probe(container, deadline, timeoutMs);
    } catch (error) {
      const reason = error instanceof WebContainerStartError ? error.message : `boot failed: ${errorText(error)}`;
      rememberBootOutcome(memory, { booted: false, at: Date.now(), reason });
      throw new WebContainerStartError(reason);
    }
    const template = options.template ?? {};
    const prepared = () => prepareOnce(container, template, load, downloadProgress, report);
    void prepared().catch(() => {}); // reported by the first spawn/mount that needs it
    return new WebContainerRuntime(container, template, prepared);
  }

  /** What this session has running: its processes and the ports they opened (for `npm run smoke:webcontainer`). */
  diagnostics(): { processes: number; openPorts: number[] } {
    return { processes: this.processes.size, openPorts: [...this.openPorts] };
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
    await this.prepared();
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
   * dependencies, and puts the template back for the next lesson.
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
