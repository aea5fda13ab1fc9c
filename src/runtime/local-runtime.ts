/**
 * The Runtime over the local runner: real Node on the machine that serves the app, reached
 * over a WebSocket (protocol and handshake: local-protocol.ts; host: src/node/runner/).
 * One LocalRuntime = one connection = one workspace on the server; closing it (dispose, or the
 * tab going away) makes the server kill its processes and delete the workspace.
 */
import {
  LOCAL_RUNNER_SUBPROTOCOL,
  type EncodedData,
  type RunnerContainment,
  type RunnerEvent,
  type RunnerReplyData,
  type RunnerRequest,
  type RunnerSession,
} from './local-protocol.ts';
import { base64ToBytes, bytesToBase64 } from '../shared/base64.ts';
import type { FileTree, Runtime, RuntimeProcess, SpawnOptions } from './runtime.ts';
import { defaultBaseUrl, fetchRunnerSession } from './runner-session.ts';

/** The part of the DOM WebSocket the adapter uses (the `ws` package's client fits too, for Node tests). */
export interface RunnerSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
}

export interface LocalRuntimeOptions {
  /** The app's origin, e.g. `http://localhost:5173`; defaults to the page's. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Opens the socket; defaults to the browser's WebSocket. */
  openSocket?: (url: string, protocols: string[]) => RunnerSocket;
  /** How long the handshake may take before giving up. */
  connectTimeoutMs?: number;
  /** A session already fetched with fetchRunnerSession (saves a round trip). */
  session?: RunnerSession;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** What a process that was cut off by a lost connection reports: the server SIGKILLs it (128 + 9). */
const EXIT_CODE_CONNECTION_LOST = 137;
const OPEN = 1;

type Reply = { resolve: (data: unknown) => void; reject: (error: Error) => void };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface ProcessHandle {
  write: (data: string) => void;
  settle: (code: number) => void;
}

function encode(data: string | Uint8Array): EncodedData {
  if (typeof data === 'string') return { encoding: 'utf8', data };
  return { encoding: 'base64', data: bytesToBase64(data) };
}

export class LocalRuntime implements Runtime {
  readonly kind = 'local';
  private nextId = 1;
  private readonly replies = new Map<number, Reply>();
  private readonly processes = new Map<number, ProcessHandle>();
  private readonly serverReadyListeners = new Set<(port: number, url: string) => void>();
  private closeReason: string | undefined;
  private readonly closed: Promise<void>;

  private constructor(
    private readonly socket: RunnerSocket,
    /** How the server keeps this workspace's processes from outliving it (the status line reports a fallback). */
    readonly containment: RunnerContainment,
  ) {
    socket.addEventListener('message', (event) => this.receive(event.data));
    this.closed = new Promise((resolve) =>
      socket.addEventListener('close', (event) => {
        this.lost(event.reason);
        resolve();
      }),
    );
  }

  /**
   * Fetches the session, opens the socket (the browser's cookie authenticates it) and waits for
   * the runner's `ready`. Rejects with a sentence for the learner when there is no runner or it refuses.
   */
  static async connect(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
    const baseUrl = options.baseUrl ?? defaultBaseUrl();
    const session = options.session ?? (await fetchRunnerSession({ ...options, baseUrl }));
    if (!session) throw new Error('This server offers no local runner (no answer from /__runner/session).');
    if (typeof session === 'string') throw new Error(`${session.charAt(0).toUpperCase()}${session.slice(1)}.`);
    const url = new URL(session.socketPath, baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const protocols = [LOCAL_RUNNER_SUBPROTOCOL];
    const socket = options.openSocket ? options.openSocket(url.href, protocols) : (new WebSocket(url.href, protocols) as RunnerSocket);
    const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;

    const containment = await new Promise<RunnerContainment>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.close();
        reject(new Error(`The local runner did not answer within ${timeoutMs / 1000} s.`));
      }, timeoutMs);
      socket.addEventListener('message', (event) => {
        const message = typeof event.data === 'string' ? (JSON.parse(event.data) as RunnerEvent) : undefined;
        if (message?.type === 'ready') {
          clearTimeout(timer);
          resolve(message.containment);
        }
      });
      socket.addEventListener('close', (event) => {
        clearTimeout(timer);
        // A refused upgrade closes without a reason (browsers hide the HTTP answer).
        reject(new Error(event.reason || 'The local runner refused the connection (its sign-in cookie is missing or from an earlier start, or the origin is wrong — open the link the server printed).'));
      });
    });
    return new LocalRuntime(socket, containment);
  }

  private receive(raw: unknown): void {
    if (typeof raw !== 'string') return;
    const event = JSON.parse(raw) as RunnerEvent;
    switch (event.type) {
      case 'reply': {
        const reply = this.replies.get(event.id);
        this.replies.delete(event.id);
        if (event.ok) reply?.resolve(event.data);
        else reply?.reject(new Error(event.error));
        break;
      }
      case 'output':
        this.processes.get(event.process)?.write(event.data);
        break;
      case 'exit':
        this.processes.get(event.process)?.settle(event.code);
        break;
      case 'server-ready':
        for (const listener of this.serverReadyListeners) listener(event.port, event.url);
        break;
      case 'error':
        // Only sent for messages without an id, which this client never sends.
        console.warn(`Local runner: ${event.error}`);
        break;
      case 'ready':
        break;
    }
  }

  private lost(reason: string): void {
    this.closeReason = reason || 'the connection to the local runner closed';
    for (const reply of this.replies.values()) reply.reject(new Error(`The local runner is gone: ${this.closeReason}.`));
    this.replies.clear();
    for (const handle of this.processes.values()) handle.settle(EXIT_CODE_CONNECTION_LOST);
  }

  private request<M extends DistributiveOmit<RunnerRequest, 'id'>>(message: M): Promise<RunnerReplyData[M['type']]> {
    if (this.socket.readyState !== OPEN) return Promise.reject(new Error(`The local runner is gone: ${this.closeReason ?? 'the connection is closed'}.`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.replies.set(id, { resolve: resolve as (data: unknown) => void, reject });
      this.socket.send(JSON.stringify({ ...message, id }));
    });
  }

  async mount(files: FileTree): Promise<void> {
    await this.request({ type: 'mount', files: Object.entries(files).map(([path, data]) => ({ path, ...encode(data) })) });
  }

  async writeFile(path: string, data: string | Uint8Array): Promise<void> {
    await this.request({ type: 'writeFile', path, ...encode(data) });
  }

  async readFile(path: string): Promise<Uint8Array> {
    const { base64 } = await this.request({ type: 'readFile', path });
    return base64ToBytes(base64);
  }

  async remove(path: string): Promise<void> {
    await this.request({ type: 'remove', path });
  }

  async spawn(command: string, args: string[], options: SpawnOptions = {}): Promise<RuntimeProcess> {
    const { process: id } = await this.request({ type: 'spawn', command, args, cwd: options.cwd, env: options.env });
    let controller!: ReadableStreamDefaultController<string>;
    let reading = true;
    const output = new ReadableStream<string>({
      start: (c) => void (controller = c),
      cancel: () => void (reading = false),
    });
    let settle!: (code: number) => void;
    const exit = new Promise<number>((resolve) => {
      settle = (code) => {
        this.processes.delete(id);
        // Output sent before the exit has already been enqueued: messages arrive in order.
        if (reading) controller.close();
        reading = false;
        resolve(code);
      };
    });
    const write = (data: string) => {
      if (reading) controller.enqueue(data);
    };
    this.processes.set(id, { write, settle });
    const input = new WritableStream<string>({
      write: async (data) => void (await this.request({ type: 'stdin', process: id, data })),
      close: async () => void (await this.request({ type: 'stdin-end', process: id })),
      abort: async () => void (await this.request({ type: 'stdin-end', process: id }).catch(() => undefined)),
    });
    return {
      output,
      input,
      exit,
      kill: () => void this.request({ type: 'kill', process: id }).catch(() => undefined),
    };
  }

  onServerReady(callback: (port: number, url: string) => void): () => void {
    this.serverReadyListeners.add(callback);
    return () => this.serverReadyListeners.delete(callback);
  }

  /** Closing the socket is the signal: the server kills every process and deletes the workspace. */
  async dispose(): Promise<void> {
    if (this.socket.readyState === OPEN) this.socket.close(1000, 'disposed');
    await this.closed;
  }
}
