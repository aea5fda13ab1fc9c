/**
 * Starts, stops and watches the learner's server: the lesson's start command with `PORT` set
 * to a free port, the preloads injected (the server preload always, MSW when the lesson's
 * checks upstream), output streamed and kept. "Running" means the port accepts TCP
 * connections, not merely that the process exists.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rm, stat } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { ServerEnv, ServerExit } from '../checks/define.ts';
import { errorText } from '../shared/error-text.ts';
import { freePort } from './free-port.ts';
import { killTree, type KillMode } from './kill-tree.ts';
import type { ServerStatus } from './protocol.ts';
import { ServerOutputBuffer } from './server-output-buffer.ts';
import { MSW_PRELOAD_SCRIPT, SERVED_MARKER, SERVER_PRELOAD_SCRIPT } from './workspace-paths.ts';
import { workspaceStamp } from './workspace-stamp.ts';

/** What to start: set per lesson. */
export interface ServerLaunch {
  command: string;
  args: string[];
  startTimeoutMs: number;
  /** Preload MSW (the lesson's checks script upstream APIs); otherwise a plain start. */
  mockUpstream: boolean;
  /** The lesson's variables, set at every start (a start's own `env` goes on top). */
  env?: Record<string, string>;
}

export interface LearnerServerOptions {
  cwd: string;
  /** How process trees are killed here (the runtime probe decides; a stop waits for its answer). */
  killMode(): KillMode | Promise<KillMode>;
  /** Flags for `node` itself, before the preloads (the baseline-compiler flags where the runtime probe found they work). */
  nodeFlags?(): string[];
  onOutput(stream: 'stdout' | 'stderr', text: string): void;
  onStatus(status: ServerStatus): void;
}

interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class LearnerServer {
  readonly output = new ServerOutputBuffer();
  private launch: ServerLaunch | undefined;
  private child: ChildProcess | undefined;
  private exited: Promise<ExitInfo | undefined> = Promise.resolve(undefined);
  private current: ServerStatus = { state: 'stopped', port: 0 };
  /** The learner's files when the running server started (see runsSavedFilesFresh). */
  private startStamp: string | undefined;
  /** The exit a check asked for (signalServer): reported as `stopped`, not as a crash. */
  private expectingExit = false;

  constructor(private readonly options: LearnerServerOptions) {}

  /** Sets what `start` runs from now on (a new lesson). */
  configure(launch: ServerLaunch): void {
    this.launch = launch;
  }

  status(): ServerStatus {
    return { ...this.current };
  }

  /** Turns the MSW preload on for this lesson (a check scripted upstreams after all); true when a running server started without it. */
  enableUpstreamMocks(): boolean {
    if (!this.launch || this.launch.mockUpstream) return false;
    this.launch = { ...this.launch, mockUpstream: true };
    return this.child !== undefined;
  }

  /**
   * Starts the server (stopping a previous one) and resolves once it listens, crashed or timed
   * out. `env` applies to this start only; a `null` value removes the variable.
   */
  async start(options: { env?: ServerEnv } = {}): Promise<ServerStatus> {
    await this.stop();
    const launch = this.launch;
    if (!launch) throw new Error('the agent has no lesson to start a server for');
    const port = await freePort();
    const { command, args, nodeOptions } = withPreloads(launch, this.options.nodeFlags?.() ?? []);
    const env: NodeJS.ProcessEnv = { ...process.env, ...launch.env, PORT: String(port) };
    if (nodeOptions) env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${nodeOptions}`.trim();
    for (const [name, value] of Object.entries(options.env ?? {})) {
      if (value === null) delete env[name];
      else env[name] = value;
    }
    this.setStatus({ state: 'starting', port });
    await rm(join(this.options.cwd, SERVED_MARKER), { force: true });
    this.startStamp = await workspaceStamp(this.options.cwd);
    this.output.beginRun();
    let child: ChildProcess;
    try {
      // Detached: the server gets its own process group, so stop() ends whatever it spawned too.
      child = spawn(command, args, { cwd: this.options.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      return this.setStatus({ state: 'crashed', port, error: `Could not run "${[command, ...args].join(' ')}": ${errorText(error)}` });
    }
    this.child = child;
    this.expectingExit = false;
    let spawnError: Error | undefined;
    this.exited = new Promise((resolve) => {
      child.once('error', (error) => {
        spawnError = error;
        resolve(undefined);
      });
      child.once('exit', (code, signal) => {
        let reported = false;
        const report = (): void => {
          if (reported) return;
          reported = true;
          if (this.child === child) this.onExit(code, signal);
          resolve({ code, signal });
        };
        // The last lines (usually the stack trace) may still be in the pipes at 'exit'; 'close'
        // comes once they are drained. A grandchild holding the pipes open must not delay it long.
        child.once('close', report);
        setTimeout(report, 250);
      });
    });
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream]?.setEncoding('utf8');
      child[stream]?.on('data', (text: string) => {
        this.output.append(text);
        this.options.onOutput(stream, text);
      });
    }
    await this.waitUntilListening(child, port, launch.startTimeoutMs, () => spawnError);
    return this.status();
  }

  async stop(): Promise<ServerStatus> {
    const mode = await this.options.killMode();
    const child = this.child;
    this.child = undefined;
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      killTree(child.pid, 'SIGKILL', mode);
      await Promise.race([this.exited, sleep(2000)]);
    }
    if (this.current.state !== 'stopped') this.setStatus({ state: 'stopped', port: this.current.port });
    return this.status();
  }

  /**
   * Sends `signal` to the server process (not its group: shutting down children is the
   * server's job) and waits up to `timeoutMs` for it to exit. The exit is reported as
   * `stopped`: the check asked for it. A server that does not exit keeps running.
   */
  async signal(signal: NodeJS.Signals, timeoutMs: number): Promise<ServerExit> {
    const child = this.child;
    if (!child?.pid || this.current.state !== 'running') throw new Error(`the server is ${this.current.state}: there is no running server to send ${signal} to`);
    this.expectingExit = true;
    const sent = performance.now();
    const exited = this.exited;
    try {
      process.kill(child.pid, signal);
    } catch (error) {
      this.expectingExit = false;
      throw new Error(`could not send ${signal} to the server: ${errorText(error)}`);
    }
    const exit = await Promise.race([exited, sleep(timeoutMs).then(() => 'timeout' as const)]);
    const afterMs = Math.round(performance.now() - sent);
    if (exit === 'timeout') {
      this.expectingExit = false;
      return { exited: false, code: null, signal: null, afterMs };
    }
    return { exited: true, code: exit?.code ?? null, signal: exit?.signal ?? null, afterMs };
  }

  /**
   * Whether the running server is as a fresh start would make it: it runs the saved files
   * (none changed since it started) and has not answered a single request yet.
   */
  async runsSavedFilesFresh(): Promise<boolean> {
    if (this.current.state !== 'running' || this.startStamp === undefined) return false;
    const served = await stat(join(this.options.cwd, SERVED_MARKER)).then(
      () => true,
      () => false,
    );
    return !served && (await workspaceStamp(this.options.cwd)) === this.startStamp;
  }

  private async waitUntilListening(child: ChildProcess, port: number, startTimeoutMs: number, spawnError: () => Error | undefined): Promise<void> {
    const deadline = Date.now() + startTimeoutMs;
    while (this.child === child) {
      const error = spawnError();
      if (error) {
        this.child = undefined;
        this.setStatus({ state: 'crashed', port, error: `Could not run "${this.launch?.command ?? 'the server'}": ${error.message}` });
        return;
      }
      if (this.current.state === 'crashed') return;
      if (await accepts(port)) {
        if (this.child === child) this.setStatus({ state: 'running', port });
        return;
      }
      if (Date.now() > deadline) {
        const output = this.output.tail();
        await this.stop();
        this.setStatus({
          state: 'crashed',
          port,
          error: `Your server did not start listening within ${startTimeoutMs / 1000} s. It must listen on process.env.PORT (here ${port}), e.g. app.listen(process.env.PORT ?? 3000).${lastOutput(output)}`,
        });
        return;
      }
      await sleep(25);
    }
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.child = undefined;
    if (this.expectingExit) {
      this.expectingExit = false;
      this.setStatus({ state: 'stopped', port: this.current.port });
      return;
    }
    const how = code !== null ? `exited with code ${code}` : `was killed by ${signal ?? 'a signal'}`;
    this.setStatus({ state: 'crashed', port: this.current.port, error: `Your server ${how}.${lastOutput(this.output.tail())}` });
  }

  private setStatus(status: ServerStatus): ServerStatus {
    this.current = status;
    this.options.onStatus(this.status());
    return this.status();
  }
}

function lastOutput(output: string): string {
  return output ? `\nIts last output:\n${output}` : ' It printed nothing.';
}

/**
 * `node x.js` → `node [flags] --require ./.agent/server-preload.cjs [--require ./.agent/msw-preload.cjs] x.js`;
 * other commands get the preloads through NODE_OPTIONS (which allows no V8 flags, so not those).
 */
function withPreloads(launch: ServerLaunch, nodeFlags: string[]): { command: string; args: string[]; nodeOptions?: string } {
  const preloads = [SERVER_PRELOAD_SCRIPT, ...(launch.mockUpstream ? [MSW_PRELOAD_SCRIPT] : [])].flatMap((script) => ['--require', `./${script}`]);
  if (launch.command === 'node') return { command: launch.command, args: [...nodeFlags, ...preloads, ...launch.args] };
  return { command: launch.command, args: launch.args, nodeOptions: preloads.join(' ') };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
