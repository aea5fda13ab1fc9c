/**
 * A fake of `@webcontainer/api` 1.6.4 for tests, written from its own dist/index.js and
 * index.d.ts (node_modules/@webcontainer/api) so the adapter meets the real API's sharp edges:
 *   - boot (index.js `WebContainer.boot`): boots queue on a lock — a second boot waits for the
 *     pending one, then throws "Only a single WebContainer instance can be booted" if it
 *     succeeded, or boots itself if it failed. The iframe's handshake is cached per page
 *     (`serverFactory`), so when StackBlitz never answers, this boot *and every later one* wait
 *     forever. `bootMs` plays a slow network. After `teardown()` the next boot waits for it.
 *   - errors thrown by the container cross Comlink as `{ message, name, stack }` only
 *     (fake-file-system.ts), so file-system errors lose `.code`;
 *   - processes talk through a pseudo-terminal (fake-terminal.ts): output is strings decoded
 *     chunk by chunk (split characters become U+FFFD), `\n` becomes `\r\n`, input is echoed and
 *     delivered by lines, and closing `input` sends nothing — a program never sees its stdin end;
 *   - `kill()` ends that process only. index.d.ts says "Kills the process." and nothing about
 *     its children, so the fake assumes the worse: a child a program started keeps running;
 *   - `mount` takes a FileSystemTree or a binary snapshot (index.js `mount`), and *transfers*
 *     a binary payload (`Comlink.transfer(payload, [payload.buffer])`): the caller's bytes are
 *     detached afterwards. `mountMsPerMiB` plays the time the container takes to unpack it;
 *   - events (`port`, `server-ready`, `error`) arrive through Comlink proxies, i.e. later, never
 *     inside the call that caused them.
 * The fake has no Node.js: `spawn` runs *programs* registered by the test (fake-node.ts plays
 * `node` for the contract scripts); an unknown command prints `jsh: command not found` and
 * exits 127, like the container's shell.
 */
import type { BootOptions, CodeEvent, CodeEventType, FileSystemAPI, FileSystemTree, PreviewMessage, SpawnOptions, Unsubscribe, WebContainerProcess } from '@webcontainer/api';
import type { WebContainerApi, WebContainerInstance } from '../../src/runtime/webcontainer-runtime.ts';
import { FakeFileSystem, acrossTheBoundary, apiFileSystem } from './fake-file-system.ts';
import { FakeTerminal } from './fake-terminal.ts';
import { decodeSnapshot } from './webcontainer-snapshot-decode.ts';

export interface FakeChildProcess {
  readonly exit: Promise<number>;
  kill(): void;
}

export interface FakeProgramContext {
  args: string[];
  /** Working directory, relative to the workdir ('' = the workdir). */
  cwd: string;
  env: Record<string, string>;
  /** Whole lines typed into the process's terminal; ends only when the process is killed. */
  stdin: AsyncIterable<string>;
  /** stdout and stderr (one terminal). */
  write(text: string): void;
  /** The file system as Node inside the container sees it (errors keep `.code`). */
  fs: FakeFileSystem;
  /** Starts "listening": `port` (open) and `server-ready` events; `port` (close) when killed. */
  listen(port: number): void;
  /** Starts another program inside the container, its output piped to `onOutput`. */
  spawn(command: string, args: string[], onOutput?: (text: string) => void): FakeChildProcess;
  /** Aborted when the process is killed. */
  signal: AbortSignal;
}

/** A program the fake can run; resolves with its exit code. */
export type FakeProgram = (context: FakeProgramContext) => Promise<number>;

export interface FakeWebContainerOptions {
  programs?: Record<string, FakeProgram>;
  /** `hang`: StackBlitz never answers; an Error: the container refuses to boot. */
  boot?: 'ok' | 'hang' | Error;
  /** How long a boot takes, in ms (default 0). */
  bootMs?: number;
  /** How long mounting takes per MiB of payload, in ms (default 0). */
  mountMsPerMiB?: number;
  /** Size of the terminal's output chunks in bytes (default 4096). */
  outputChunkBytes?: number;
}

const EXIT_KILLED = 137;
const EXIT_NOT_FOUND = 127;
const MIB = 1024 * 1024;
const later = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Listener = (...args: never[]) => void;

interface Running {
  command: string;
  args: string[];
}

export class FakeWebContainer {
  readonly fs: FileSystemAPI;
  /** The file system as programs see it (for assertions). */
  readonly files = new FakeFileSystem();
  readonly spawned: { command: string; args: string[]; options: SpawnOptions | undefined }[] = [];
  private readonly running = new Set<Running>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private tornDown = false;

  constructor(
    private readonly options: FakeWebContainerOptions,
    readonly bootOptions: BootOptions | undefined,
    private readonly onTeardown: () => void,
  ) {
    this.fs = apiFileSystem(this.files);
  }

  get workdir(): string {
    return `/home/${this.bootOptions?.workdirName ?? 'fake'}`;
  }

  /** Processes whose exit has not settled: the page's and those programs started. */
  runningProcesses(): Running[] {
    return [...this.running];
  }

  private emit(event: string, ...args: unknown[]): void {
    // Comlink delivers events as messages: after the current task, never synchronously.
    setTimeout(() => {
      for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
    });
  }

  on(event: 'port', listener: (port: number, type: 'open' | 'close', url: string) => void): Unsubscribe;
  on(event: 'server-ready', listener: (port: number, url: string) => void): Unsubscribe;
  on(event: 'error', listener: (error: { message: string }) => void): Unsubscribe;
  // Events the fake never emits, declared so it has the real `on`'s overloads.
  on(event: 'preview-message', listener: (message: PreviewMessage) => void): Unsubscribe;
  on(event: 'xdg-open', listener: (text: string) => void): Unsubscribe;
  on(event: 'code', listener: (type: CodeEventType, event: CodeEvent) => void): Unsubscribe;
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
    let decoded: FileSystemTree;
    let size: number;
    if (tree instanceof Uint8Array || tree instanceof ArrayBuffer) {
      const bytes = tree instanceof Uint8Array ? tree : new Uint8Array(tree);
      size = bytes.byteLength;
      // Transferred, as Comlink.transfer does: the page's buffer is detached from here on.
      const moved = new Uint8Array(structuredClone(bytes.buffer, { transfer: [bytes.buffer as ArrayBuffer] }), bytes.byteOffset, size);
      decoded = decodeSnapshot(moved);
    } else {
      decoded = tree;
      size = JSON.stringify(tree).length;
    }
    if (this.options.mountMsPerMiB) await later((this.options.mountMsPerMiB * size) / MIB);
    try {
      this.files.mountTree(decoded, options?.mountPoint ?? '');
    } catch (error) {
      throw acrossTheBoundary(error);
    }
  }

  spawn(command: string, args: string[], options?: SpawnOptions): Promise<WebContainerProcess>;
  spawn(command: string, options?: SpawnOptions): Promise<WebContainerProcess>;
  async spawn(command: string, argsOrOptions?: string[] | SpawnOptions, maybeOptions?: SpawnOptions): Promise<WebContainerProcess> {
    this.assertAlive();
    const args = Array.isArray(argsOrOptions) ? argsOrOptions : [];
    const options = Array.isArray(argsOrOptions) ? maybeOptions : argsOrOptions;
    this.spawned.push({ command, args, options });
    const cwd = options?.cwd ?? '';
    if (cwd && !this.files.exists(cwd)) throw acrossTheBoundary(new Error(`spawn ${command}: working directory "${cwd}" does not exist`));
    let controller: ReadableStreamDefaultController<string> | undefined;
    // index.js `spawn`: with `output: false` the stream is a bare ReadableStream that never produces a chunk.
    const output = options?.output === false ? new ReadableStream<string>() : new ReadableStream<string>({ start: (c) => void (controller = c) });
    const terminal = new FakeTerminal(controller && ((text) => controller?.enqueue(text)), this.options.outputChunkBytes);
    const env = Object.fromEntries(Object.entries(options?.env ?? {}).map(([key, value]) => [key, String(value)]));
    const run = this.run(command, args, cwd, env, terminal);
    void run.exit.then(() => {
      controller?.close();
      controller = undefined;
    });
    return {
      output,
      // index.js WebContainerProcessImpl: a sink with `write` only — `close()` reaches nothing.
      input: new WritableStream<string>({ write: (data) => terminal.type(data) }),
      exit: run.exit,
      kill: run.kill,
      resize: () => {},
    };
  }

  /** Runs a program (or the shell's "command not found"), tracked in `running` until it exits. */
  private run(command: string, args: string[], cwd: string, env: Record<string, string>, terminal: ProcessIo): FakeChildProcess {
    const entry: Running = { command, args };
    this.running.add(entry);
    const abort = new AbortController();
    let settle!: (code: number) => void;
    const exit = new Promise<number>((resolve) => {
      settle = (code) => {
        if (!this.running.delete(entry)) return;
        terminal.end();
        resolve(code);
      };
    });
    const kill = () => {
      abort.abort();
      settle(EXIT_KILLED);
    };
    const program = this.options.programs?.[command];
    if (!program) {
      terminal.write(`jsh: command not found: ${command}\n`);
      queueMicrotask(() => settle(EXIT_NOT_FOUND));
      return { exit, kill };
    }
    const context: FakeProgramContext = {
      args,
      cwd,
      env,
      stdin: terminal.stdin,
      write: (text) => terminal.write(text),
      fs: this.files,
      signal: abort.signal,
      listen: (port) => {
        const url = `https://fake--${port}--session.local-corp.webcontainer-api.io`;
        this.emit('port', port, 'open', url);
        this.emit('server-ready', port, url);
        abort.signal.addEventListener('abort', () => this.emit('port', port, 'close', url));
      },
      spawn: (childCommand, childArgs, onOutput) => this.run(childCommand, childArgs, cwd, env, pipe(onOutput)),
    };
    // Like a real process, the program starts after spawn() has returned its streams.
    queueMicrotask(() => {
      program(context).then(settle, (error: unknown) => {
        terminal.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        settle(1);
      });
    });
    return { exit, kill };
  }

  async setPreviewScript(): Promise<void> {}

  teardown(): void {
    // index.js `teardown`: a second call throws.
    if (this.tornDown) throw new Error('WebContainer already torn down');
    this.tornDown = true;
    this.onTeardown();
  }

  private assertAlive(): void {
    if (this.tornDown) throw new Error('WebContainer has been torn down.');
  }
}

/** A process's standard streams: a terminal for the page's processes, pipes for a program's children. */
type ProcessIo = Pick<FakeTerminal, 'write' | 'stdin' | 'end'>;

/** A child's stdout is a pipe (text passes as written) and its stdin is closed. */
function pipe(onOutput: ((text: string) => void) | undefined): ProcessIo {
  return { write: (text) => onOutput?.(text), stdin: (async function* () {})(), end: () => {} };
}

export interface FakeWebContainerApi extends WebContainerApi {
  /** The booted instance, once there is one. */
  readonly instance: FakeWebContainer | undefined;
  bootCalls: number;
}

/** A fresh fake module (`{ WebContainer }`) — one page's worth of API state. */
export function createFakeWebContainerApi(options: FakeWebContainerOptions = {}): FakeWebContainerApi {
  let instance: FakeWebContainer | undefined;
  let lock: Promise<void> | undefined;
  let teardown: Promise<void> | undefined;
  // index.js `serverFactory`: the iframe and its handshake are made on the first boot and cached.
  let handshake: Promise<void> | undefined;
  const api: FakeWebContainerApi = {
    bootCalls: 0,
    get instance() {
      return instance;
    },
    WebContainer: {
      async boot(bootOptions?: BootOptions): Promise<WebContainerInstance> {
        api.bootCalls++;
        await teardown;
        while (lock) await lock;
        if (instance) throw new Error('Only a single WebContainer instance can be booted');
        const booting = (async () => {
          await (handshake ??= options.boot === 'hang' ? new Promise<never>(() => {}) : later(options.bootMs));
          if (options.boot instanceof Error) throw acrossTheBoundary(options.boot);
          return new FakeWebContainer(options, bootOptions, () => {
            instance = undefined;
            teardown = later();
          });
        })();
        lock = booting.then(
          () => undefined,
          () => undefined,
        );
        try {
          instance = await booting;
          return instance;
        } finally {
          lock = undefined;
        }
      },
    },
  };
  return api;
}
