/**
 * One WebSocket connection = one browser tab = one workspace. Speaks the protocol of
 * src/runtime/local-protocol.ts: answers every request exactly once, streams process output,
 * reports exits and (on Linux) ports the tab's processes listen on. Anything malformed gets an
 * error reply and the connection carries on. When the socket closes, every process tree is
 * killed and the workspace deleted.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { constants } from 'node:os';
import type { WebSocket } from 'ws';
import type { EncodedData, RunnerEvent, RunnerReplyData, RunnerRequest, RunnerRequestType } from '../../runtime/local-protocol.ts';
import { killProcessTree, processTreePids } from './process-tree.ts';
import { listeningPorts } from './listening-ports.ts';
import type { Workspace } from './workspace.ts';

const SERVER_READY_POLL_MS = 400;
/** After the main process exits, how long its output pipes may stay open before we cut them. */
const OUTPUT_DRAIN_MS = 2000;
/** Output waiting in the socket beyond this pauses the processes' pipes (a print loop must not eat the server's memory). */
const OUTPUT_HIGH_WATER_BYTES = 8 * 1024 * 1024;
const OUTPUT_CHECK_MS = 50;
const REQUEST_TYPES: RunnerRequestType[] = ['mount', 'writeFile', 'readFile', 'remove', 'spawn', 'stdin', 'stdin-end', 'kill'];
/** The environment a learner's process inherits from the server: enough to find programs, nothing else. */
const INHERITED_ENV = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SYSTEMROOT'];

class BadRequest extends Error {}

interface RunningProcess {
  child: ChildProcessWithoutNullStreams;
  exited: Promise<void>;
  /**
   * Every pid seen in its tree so far (refreshed by the port poll). When the process exits on
   * its own, its children are re-parented and may lead their own groups (the agent starts the
   * learner's server detached), so this memory is how they are still found.
   */
  seen: Set<number>;
}

function field<T>(message: Record<string, unknown>, name: string, type: 'string' | 'number', optional = false): T {
  const value = message[name];
  if (value === undefined && optional) return value as T;
  if (typeof value !== type) throw new BadRequest(`"${String(message.type)}" needs "${name}" as a ${type}.`);
  return value as T;
}

function stringArray(message: Record<string, unknown>, name: string): string[] {
  const value = message[name];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new BadRequest(`"${String(message.type)}" needs "${name}" as an array of strings.`);
  return value;
}

function stringRecord(message: Record<string, unknown>, name: string): Record<string, string> | undefined {
  const value = message[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every((item) => typeof item === 'string')) {
    throw new BadRequest(`"${String(message.type)}" needs "${name}" as an object of strings.`);
  }
  return value as Record<string, string>;
}

function decode(message: Record<string, unknown>): string | Uint8Array {
  const encoding = message.encoding;
  const data = field<string>(message, 'data', 'string');
  if (encoding === 'utf8') return data;
  if (encoding === 'base64') return Buffer.from(data, 'base64');
  throw new BadRequest(`"${String(message.type)}" needs "encoding" "utf8" or "base64".`);
}

function exitCode(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? (constants.signals[signal] ?? 0) : 0);
}

export class RunnerConnection {
  private readonly processes = new Map<number, RunningProcess>();
  private nextProcessId = 1;
  private readonly announcedPorts = new Set<number>();
  private readonly portPoll: NodeJS.Timeout | undefined;
  private outputPaused: NodeJS.Timeout | undefined;
  readonly closed: Promise<void>;

  constructor(
    private readonly socket: WebSocket,
    private readonly workspace: Workspace,
  ) {
    socket.on('message', (data, isBinary) => void this.receive(data.toString(), isBinary));
    this.portPoll = process.platform === 'linux' ? setInterval(() => this.announceListeningPorts(), SERVER_READY_POLL_MS) : undefined;
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        // Cleanup must never take the server down; a leftover temp folder is the worst case.
        this.dispose()
          .catch((error: unknown) => console.warn(`Local runner: could not clean up ${workspace.root}: ${String(error)}`))
          .finally(resolve);
      }),
    );
    this.send({ type: 'ready', protocol: 1 });
  }

  /** Pids of live processes, for the host's synchronous shutdown. */
  get pids(): number[] {
    return [...this.processes.values()].flatMap(({ child }) => (child.pid ? [child.pid] : []));
  }

  private send(event: RunnerEvent): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(event));
  }

  private async receive(text: string, isBinary: boolean): Promise<void> {
    let message: unknown;
    try {
      if (isBinary) throw new BadRequest('binary frames');
      message = JSON.parse(text);
    } catch {
      this.send({ type: 'error', error: `The local runner expects one JSON object per text message; got ${JSON.stringify(text.slice(0, 40))}.` });
      return;
    }
    if (typeof message !== 'object' || message === null || typeof (message as { id?: unknown }).id !== 'number') {
      this.send({ type: 'error', error: 'Every message to the local runner needs a numeric "id".' });
      return;
    }
    const request = message as Record<string, unknown> & { id: number };
    try {
      const data = await this.handle(request);
      this.send({ type: 'reply', id: request.id, ok: true, data });
    } catch (error) {
      this.send({ type: 'reply', id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  private async handle(message: Record<string, unknown>): Promise<RunnerReplyData[RunnerRequestType]> {
    const type = message.type as RunnerRequest['type'];
    if (!REQUEST_TYPES.includes(type)) throw new BadRequest(`Unknown message type ${JSON.stringify(message.type)}; expected one of ${REQUEST_TYPES.join(', ')}.`);
    switch (type) {
      case 'mount': {
        const files = message.files;
        if (!Array.isArray(files)) throw new BadRequest('"mount" needs "files" as an array of {path, encoding, data}.');
        const tree: Record<string, string | Uint8Array> = {};
        for (const file of files as Record<string, unknown>[]) {
          if (typeof file !== 'object' || file === null) throw new BadRequest('"mount" needs "files" as an array of {path, encoding, data}.');
          tree[field<string>(file, 'path', 'string')] = decode(file);
        }
        await this.workspace.mount(tree);
        return null;
      }
      case 'writeFile':
        await this.workspace.writeFile(field(message, 'path', 'string'), decode(message as EncodedData & Record<string, unknown>));
        return null;
      case 'readFile':
        return { base64: Buffer.from(await this.workspace.readFile(field(message, 'path', 'string'))).toString('base64') };
      case 'remove':
        await this.workspace.remove(field(message, 'path', 'string'));
        return null;
      case 'spawn':
        return { process: await this.spawn(field(message, 'command', 'string'), stringArray(message, 'args'), field(message, 'cwd', 'string', true), stringRecord(message, 'env')) };
      case 'stdin': {
        const { child } = this.process(message);
        const data = field<string>(message, 'data', 'string');
        if (!child.stdin.writable) throw new Error('The process no longer reads its input.');
        await new Promise<void>((resolve, reject) => child.stdin.write(data, (error) => (error ? reject(new Error(`Could not write to the process: ${error.message}`)) : resolve())));
        return null;
      }
      case 'stdin-end':
        this.process(message).child.stdin.end();
        return null;
      case 'kill': {
        const { child, exited } = this.process(message);
        if (child.pid) killProcessTree(child.pid);
        await exited;
        return null;
      }
    }
  }

  private process(message: Record<string, unknown>): RunningProcess {
    const id = field<number>(message, 'process', 'number');
    const running = this.processes.get(id);
    if (!running) throw new Error(`Process ${id} is not running (it may have exited).`);
    return running;
  }

  private async spawn(command: string, args: string[], cwd: string | undefined, env: Record<string, string> | undefined): Promise<number> {
    const directory = await this.workspace.directory(cwd ?? '');
    const inherited = Object.fromEntries(INHERITED_ENV.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])));
    // `node` is the Node running this server, whatever PATH says: the template's deps were installed for it.
    const child = spawn(command === 'node' ? process.execPath : command, args, { cwd: directory, env: { ...inherited, ...env }, detached: true, stdio: 'pipe' });
    const failed = new Promise<Error>((resolve) => child.once('error', resolve));
    if (child.pid === undefined) {
      const error = (await failed) as NodeJS.ErrnoException;
      throw new Error(`Could not start "${command}": ${error.code === 'ENOENT' ? 'no such command' : error.message}.`);
    }
    const pid = child.pid;
    const id = this.nextProcessId++;
    // Writing to a process that has just exited fails with EPIPE; the `stdin` reply reports it.
    child.stdin.on('error', () => {});
    let finish: () => void = () => {};
    const exited = new Promise<void>((resolve) => (finish = resolve));
    const seen = new Set<number>([pid]);
    this.processes.set(id, { child, exited, seen });

    for (const stream of [child.stdout, child.stderr]) {
      const decoder = new TextDecoder();
      stream.on('data', (chunk: Buffer) => {
        const data = decoder.decode(chunk, { stream: true });
        if (data) this.sendOutput(id, data);
      });
    }
    let code = 0;
    let reported = false;
    const report = () => {
      if (reported) return;
      reported = true;
      this.processes.delete(id);
      this.send({ type: 'exit', process: id, code });
      finish();
    };
    child.once('exit', (exitedCode, signal) => {
      code = exitCode(exitedCode, signal);
      // The process is gone; whatever it left running in the background goes with it.
      killProcessTree(pid);
      for (const descendant of seen) if (descendant !== pid) killProcessTree(descendant);
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        report();
      }, OUTPUT_DRAIN_MS).unref();
    });
    child.once('close', report);
    return id;
  }

  private sendOutput(process: number, data: string): void {
    this.send({ type: 'output', process, data });
    if (this.socket.bufferedAmount > OUTPUT_HIGH_WATER_BYTES && !this.outputPaused) {
      this.setOutputFlowing(false);
      this.outputPaused = setInterval(() => {
        if (this.socket.bufferedAmount > OUTPUT_HIGH_WATER_BYTES / 2 && this.socket.readyState === this.socket.OPEN) return;
        clearInterval(this.outputPaused);
        this.outputPaused = undefined;
        this.setOutputFlowing(true);
      }, OUTPUT_CHECK_MS);
    }
  }

  private setOutputFlowing(flowing: boolean): void {
    for (const { child } of this.processes.values()) {
      for (const stream of [child.stdout, child.stderr]) {
        if (flowing) stream.resume();
        else stream.pause();
      }
    }
  }

  private announceListeningPorts(): void {
    if (this.processes.size === 0 && this.announcedPorts.size === 0) return;
    const pids: number[] = [];
    for (const { child, seen } of this.processes.values()) {
      if (!child.pid) continue;
      for (const pid of processTreePids(child.pid)) {
        seen.add(pid);
        pids.push(pid);
      }
    }
    const listening = listeningPorts(pids);
    for (const port of this.announcedPorts) if (!listening.has(port)) this.announcedPorts.delete(port);
    for (const port of listening) {
      if (this.announcedPorts.has(port)) continue;
      this.announcedPorts.add(port);
      this.send({ type: 'server-ready', port, url: `http://localhost:${port}` });
    }
  }

  /** Kills every process tree, waits (briefly) for their exits and deletes the workspace. */
  private async dispose(): Promise<void> {
    clearInterval(this.portPoll);
    clearInterval(this.outputPaused);
    const running = [...this.processes.values()];
    for (const { child } of running) if (child.pid) killProcessTree(child.pid);
    await Promise.race([Promise.all(running.map(({ exited }) => exited)), new Promise((resolve) => setTimeout(resolve, OUTPUT_DRAIN_MS + 500))]);
    await this.workspace.dispose();
  }

  /** Synchronous last resort when the server process itself exits. */
  disposeSync(): void {
    for (const pid of this.pids) killProcessTree(pid);
    this.workspace.disposeSync();
  }
}
