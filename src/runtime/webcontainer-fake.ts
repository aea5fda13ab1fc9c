/**
 * A fake of `@webcontainer/api`, written from its index.d.ts, for tests. It keeps the real
 * API's shape and its sharp edges:
 *   - `boot()` can hang forever (what the real one does when stackblitz.com is unreachable),
 *     and a second boot while one instance is alive throws;
 *   - `fs` is in-memory and behaves like `fs.promises` (ENOENT for a missing parent, `rm`
 *     needs `recursive` for folders…), scoped to the working directory;
 *   - `spawn` runs *programs* registered by the test (the fake has no Node.js), with an output
 *     stream that, like the real pseudo-terminal, turns `\n` into `\r\n`; an unknown command
 *     prints `jsh: command not found` and exits 127; `kill()` ends the process;
 *   - events: `port`, `server-ready` (when a program calls `listen`), `error` (`emitError`).
 */
import type {
  BootOptions,
  BufferEncoding,
  FileSystemAPI,
  FileSystemTree,
  IFSWatcher,
  SpawnOptions,
  Unsubscribe,
  WebContainerProcess,
} from '@webcontainer/api';
import type { WebContainerApi, WebContainerInstance } from './webcontainer-runtime.ts';

export interface FakeProgramContext {
  args: string[];
  /** Working directory, relative to the workdir ('' = the workdir). */
  cwd: string;
  env: Record<string, string>;
  /** What is written to the process's input, chunk by chunk; ends when the input is closed. */
  stdin: AsyncIterable<string>;
  write(text: string): void;
  fs: FileSystemAPI;
  /** Starts "listening": emits `port` (open) and `server-ready`. */
  listen(port: number): void;
  /** Aborted when the process is killed. */
  signal: AbortSignal;
}

/** A program the fake can spawn; resolves with its exit code. */
export type FakeProgram = (context: FakeProgramContext) => Promise<number>;

export interface FakeWebContainerOptions {
  programs?: Record<string, FakeProgram>;
  /** `hang`: boot never settles; an Error: boot rejects with it. */
  boot?: 'ok' | 'hang' | Error;
}

const EXIT_KILLED = 137;
const EXIT_NOT_FOUND = 127;

function fsError(code: string, syscall: string, path: string): Error {
  const messages: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EISDIR: 'illegal operation on a directory',
    ENOTDIR: 'not a directory',
    ENOTEMPTY: 'directory not empty',
    EEXIST: 'file already exists',
  };
  return Object.assign(new Error(`${code}: ${messages[code] ?? code}, ${syscall} '${path}'`), { code });
}

type Folder = Map<string, Entry>;
type Entry = { kind: 'file'; data: Uint8Array } | { kind: 'folder'; entries: Folder };

class FakeFileSystem {
  readonly root: Folder = new Map();

  private segments(path: string): string[] {
    const out: string[] = [];
    for (const segment of path.split('/')) {
      if (segment === '' || segment === '.') continue;
      // Like the real one: the working directory is the root of what the API can reach.
      if (segment === '..') out.pop();
      else out.push(segment);
    }
    return out;
  }

  private lookup(path: string): Entry | undefined {
    let entry: Entry = { kind: 'folder', entries: this.root };
    for (const segment of this.segments(path)) {
      if (entry.kind !== 'folder') return undefined;
      const next = entry.entries.get(segment);
      if (!next) return undefined;
      entry = next;
    }
    return entry;
  }

  private parent(path: string, syscall: string): { folder: Folder; name: string } {
    const segments = this.segments(path);
    const name = segments.pop();
    if (name === undefined) throw fsError('EISDIR', syscall, path);
    const parent = this.lookup(segments.join('/'));
    if (!parent) throw fsError('ENOENT', syscall, path);
    if (parent.kind !== 'folder') throw fsError('ENOTDIR', syscall, path);
    return { folder: parent.entries, name };
  }

  readFile(path: string, encoding?: null): Promise<Uint8Array>;
  readFile(path: string, encoding: BufferEncoding): Promise<string>;
  async readFile(path: string, encoding?: BufferEncoding | null): Promise<Uint8Array | string> {
    const entry = this.lookup(path);
    if (!entry) throw fsError('ENOENT', 'open', path);
    if (entry.kind !== 'file') throw fsError('EISDIR', 'read', path);
    return encoding ? new TextDecoder().decode(entry.data) : entry.data.slice();
  }

  async writeFile(path: string, data: string | Uint8Array): Promise<void> {
    const { folder, name } = this.parent(path, 'open');
    if (folder.get(name)?.kind === 'folder') throw fsError('EISDIR', 'open', path);
    folder.set(name, { kind: 'file', data: typeof data === 'string' ? new TextEncoder().encode(data) : data.slice() });
  }

  mkdir(path: string, options?: { recursive?: false }): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string>;
  async mkdir(path: string, options?: { recursive?: boolean }): Promise<void | string> {
    if (!options?.recursive) {
      const { folder, name } = this.parent(path, 'mkdir');
      if (folder.has(name)) throw fsError('EEXIST', 'mkdir', path);
      folder.set(name, { kind: 'folder', entries: new Map() });
      return;
    }
    let folder = this.root;
    for (const segment of this.segments(path)) {
      const next: Entry = folder.get(segment) ?? { kind: 'folder', entries: new Map() };
      if (next.kind !== 'folder') throw fsError('ENOTDIR', 'mkdir', path);
      folder.set(segment, next);
      folder = next.entries;
    }
    return path;
  }

  async rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void> {
    const { folder, name } = this.parent(path, 'rm');
    const entry = folder.get(name);
    if (!entry) {
      if (options?.force) return;
      throw fsError('ENOENT', 'rm', path);
    }
    if (entry.kind === 'folder' && !options?.recursive) throw fsError('EISDIR', 'rm', path);
    folder.delete(name);
  }

  async rename(oldPath: string, newPath: string): Promise<void> {
    const from = this.parent(oldPath, 'rename');
    const entry = from.folder.get(from.name);
    if (!entry) throw fsError('ENOENT', 'rename', oldPath);
    const to = this.parent(newPath, 'rename');
    from.folder.delete(from.name);
    to.folder.set(to.name, entry);
  }

  readdir(path: string, options: 'buffer' | { encoding: 'buffer'; withFileTypes?: false }): Promise<Uint8Array[]>;
  readdir(path: string, options?: { encoding?: BufferEncoding | null; withFileTypes?: false } | BufferEncoding | null): Promise<string[]>;
  readdir(path: string, options: { encoding: 'buffer'; withFileTypes: true }): Promise<import('@webcontainer/api').DirEnt<Uint8Array>[]>;
  readdir(path: string, options: { encoding?: BufferEncoding | null; withFileTypes: true }): Promise<import('@webcontainer/api').DirEnt<string>[]>;
  async readdir(path: string, options?: unknown): Promise<unknown[]> {
    const entry = this.lookup(path);
    if (!entry) throw fsError('ENOENT', 'scandir', path);
    if (entry.kind !== 'folder') throw fsError('ENOTDIR', 'scandir', path);
    const withFileTypes = typeof options === 'object' && options !== null && (options as { withFileTypes?: boolean }).withFileTypes;
    const names = [...entry.entries.keys()].sort();
    if (!withFileTypes) return names;
    return names.map((name) => ({ name, isFile: () => entry.entries.get(name)?.kind === 'file', isDirectory: () => entry.entries.get(name)?.kind === 'folder' }));
  }

  watch(): IFSWatcher {
    throw new Error('The WebContainer fake does not implement fs.watch.');
  }

  mountTree(tree: FileSystemTree, at: string): void {
    for (const [name, node] of Object.entries(tree)) {
      const path = at ? `${at}/${name}` : name;
      if ('directory' in node) {
        void this.mkdir(path, { recursive: true });
        this.mountTree(node.directory, path);
      } else if ('contents' in node.file) {
        void this.writeFile(path, node.file.contents);
      } else {
        throw new Error('The WebContainer fake does not implement symlinks.');
      }
    }
  }
}

type Listener = (...args: never[]) => void;

export class FakeWebContainer {
  readonly fs: FakeFileSystem & FileSystemAPI;
  readonly bootOptions: BootOptions | undefined;
  readonly spawned: { command: string; args: string[]; options: SpawnOptions | undefined }[] = [];
  private readonly listeners = new Map<string, Set<Listener>>();
  private tornDown = false;

  constructor(
    private readonly programs: Record<string, FakeProgram>,
    bootOptions: BootOptions | undefined,
    private readonly onTeardown: () => void,
  ) {
    this.bootOptions = bootOptions;
    this.fs = new FakeFileSystem() as FakeFileSystem & FileSystemAPI;
  }

  get workdir(): string {
    return `/home/${this.bootOptions?.workdirName ?? 'fake'}`;
  }

  get path(): string {
    return '/usr/local/bin:/usr/bin:/bin';
  }

  private emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }

  on(event: 'port', listener: (port: number, type: 'open' | 'close', url: string) => void): Unsubscribe;
  on(event: 'server-ready', listener: (port: number, url: string) => void): Unsubscribe;
  on(event: 'preview-message', listener: (message: import('@webcontainer/api').PreviewMessage) => void): Unsubscribe;
  on(event: 'error', listener: (error: { message: string }) => void): Unsubscribe;
  on(event: 'xdg-open', listener: (text: string) => void): Unsubscribe;
  on(event: 'code', listener: (type: import('@webcontainer/api').CodeEventType, event: import('@webcontainer/api').CodeEvent) => void): Unsubscribe;
  on(event: string, listener: Listener): Unsubscribe {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Test hook: what the real container does when something breaks inside it. */
  emitError(message: string): void {
    this.emit('error', { message });
  }

  async mount(tree: FileSystemTree | Uint8Array | ArrayBuffer, options?: { mountPoint?: string }): Promise<void> {
    this.assertAlive();
    if (tree instanceof Uint8Array || tree instanceof ArrayBuffer) throw new Error('The WebContainer fake does not implement binary snapshots.');
    if (options?.mountPoint) await this.fs.mkdir(options.mountPoint, { recursive: true });
    this.fs.mountTree(tree, options?.mountPoint ?? '');
  }

  spawn(command: string, args: string[], options?: SpawnOptions): Promise<WebContainerProcess>;
  spawn(command: string, options?: SpawnOptions): Promise<WebContainerProcess>;
  async spawn(command: string, argsOrOptions?: string[] | SpawnOptions, maybeOptions?: SpawnOptions): Promise<WebContainerProcess> {
    this.assertAlive();
    const args = Array.isArray(argsOrOptions) ? argsOrOptions : [];
    const options = Array.isArray(argsOrOptions) ? maybeOptions : argsOrOptions;
    this.spawned.push({ command, args, options });
    const cwd = options?.cwd ?? '';
    if (cwd && !(await this.fs.readdir(cwd).then(() => true, () => false))) throw new Error(`spawn ${command}: working directory "${cwd}" does not exist`);

    let output!: ReadableStreamDefaultController<string>;
    let outputOpen = true;
    const write = (text: string) => {
      if (outputOpen && options?.output !== false) output.enqueue(text.replace(/\r?\n/g, '\r\n'));
    };
    const stdinChunks: string[] = [];
    let stdinEnded = false;
    let wakeStdin: () => void = () => {};
    const stdin: AsyncIterable<string> = {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          const chunk = stdinChunks.shift();
          if (chunk !== undefined) yield chunk;
          else if (stdinEnded) return;
          else await new Promise<void>((resolve) => (wakeStdin = resolve));
        }
      },
    };
    const pushStdin = (chunk: string | undefined) => {
      if (chunk === undefined) stdinEnded = true;
      else stdinChunks.push(chunk);
      wakeStdin();
    };
    const abort = new AbortController();
    let settle!: (code: number) => void;
    const exit = new Promise<number>((resolve) => {
      settle = (code) => {
        if (!outputOpen) return;
        outputOpen = false;
        output.close();
        resolve(code);
      };
    });
    const process: WebContainerProcess = {
      output: new ReadableStream<string>({ start: (controller) => void (output = controller) }),
      input: new WritableStream<string>({ write: (chunk) => pushStdin(chunk), close: () => pushStdin(undefined) }),
      exit,
      kill: () => {
        abort.abort();
        pushStdin(undefined);
        settle(EXIT_KILLED);
      },
      resize: () => {},
    };
    const program = this.programs[command];
    if (!program) {
      write(`jsh: command not found: ${command}\n`);
      settle(EXIT_NOT_FOUND);
      return process;
    }
    const context: FakeProgramContext = {
      args,
      cwd,
      env: Object.fromEntries(Object.entries(options?.env ?? {}).map(([key, value]) => [key, String(value)])),
      stdin,
      write,
      fs: this.fs,
      signal: abort.signal,
      listen: (port) => {
        const url = `https://fake--${port}--session.local-corp.webcontainer-api.io`;
        this.emit('port', port, 'open', url);
        this.emit('server-ready', port, url);
        abort.signal.addEventListener('abort', () => this.emit('port', port, 'close', url));
      },
    };
    // Let the caller attach to the streams first, like a real process that starts asynchronously.
    queueMicrotask(() => {
      program(context).then(settle, (error: unknown) => {
        write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
        settle(1);
      });
    });
    return process;
  }

  async export(): Promise<never> {
    throw new Error('The WebContainer fake does not implement export.');
  }

  async setPreviewScript(): Promise<void> {}

  teardown(): void {
    this.tornDown = true;
    this.onTeardown();
  }

  private assertAlive(): void {
    if (this.tornDown) throw new Error('WebContainer has been torn down.');
  }
}

export interface FakeWebContainerApi extends WebContainerApi {
  /** The booted instance, once there is one. */
  readonly instance: FakeWebContainer | undefined;
  bootCalls: number;
}

/** A fresh fake module (`{ WebContainer }`), to inject as the adapter's `load` result. */
export function createFakeWebContainerApi(options: FakeWebContainerOptions = {}): FakeWebContainerApi {
  let live: FakeWebContainer | undefined;
  let booting = false;
  const api: FakeWebContainerApi = {
    bootCalls: 0,
    get instance() {
      return live;
    },
    WebContainer: {
      boot: async (bootOptions?: BootOptions): Promise<WebContainerInstance> => {
        api.bootCalls++;
        if (live || booting) throw new Error('Unable to create more instances');
        booting = true;
        if (options.boot === 'hang') return new Promise<never>(() => {});
        booting = false;
        if (options.boot instanceof Error) throw options.boot;
        live = new FakeWebContainer(options.programs ?? {}, bootOptions, () => (live = undefined));
        return live;
      },
    },
  };
  return api;
}
