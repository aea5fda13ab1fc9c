/**
 * Starts, stops and watches the learner's server: the lesson's start command with `PORT` set
 * to a free port, the MSW preload injected, output streamed and kept. "Running" means the
 * port accepts TCP connections, not merely that the process exists.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from '../node/free-port.ts';
import type { ServerStatus } from './protocol.ts';
import { OutputLog } from './output-log.ts';
import { PRELOAD_SCRIPT } from './workspace-paths.ts';

export interface LearnerServerOptions {
  cwd: string;
  command: string;
  args: string[];
  startTimeoutMs: number;
  onOutput(stream: 'stdout' | 'stderr', text: string): void;
  onStatus(status: ServerStatus): void;
}

export class LearnerServer {
  readonly output = new OutputLog();
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private current: ServerStatus = { state: 'stopped', port: 0 };

  constructor(private readonly options: LearnerServerOptions) {}

  status(): ServerStatus {
    return { ...this.current };
  }

  /** Starts the server (stopping a previous one) and resolves once it listens, crashed or timed out. */
  async start(): Promise<ServerStatus> {
    await this.stop();
    const port = await freePort();
    const { command, args } = withPreload(this.options.command, this.options.args);
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
    if (command !== 'node') env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import ./${PRELOAD_SCRIPT}`.trim();
    this.setStatus({ state: 'starting', port });
    let child: ChildProcess;
    try {
      // Detached: the server gets its own process group, so stop() ends whatever it spawned too.
      child = spawn(command, args, { cwd: this.options.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      return this.setStatus({ state: 'crashed', port, error: `Could not run "${[command, ...args].join(' ')}": ${String(error)}` });
    }
    this.child = child;
    let spawnError: Error | undefined;
    this.exited = new Promise((resolve) => {
      child.once('error', (error) => {
        spawnError = error;
        resolve();
      });
      child.once('exit', (code, signal) => {
        let reported = false;
        const report = (): void => {
          if (reported) return;
          reported = true;
          if (this.child === child) this.onExit(code, signal);
          resolve();
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
    await this.waitUntilListening(child, port, () => spawnError);
    return this.status();
  }

  async stop(): Promise<ServerStatus> {
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      killTree(child);
      await Promise.race([this.exited, sleep(2000)]);
    }
    if (this.current.state !== 'stopped') this.setStatus({ state: 'stopped', port: this.current.port });
    return this.status();
  }

  private async waitUntilListening(child: ChildProcess, port: number, spawnError: () => Error | undefined): Promise<void> {
    const deadline = Date.now() + this.options.startTimeoutMs;
    while (this.child === child) {
      const error = spawnError();
      if (error) {
        this.child = undefined;
        this.setStatus({ state: 'crashed', port, error: `Could not run "${this.options.command}": ${error.message}` });
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
          error: `Your server did not start listening within ${this.options.startTimeoutMs / 1000} s. It must listen on process.env.PORT (here ${port}), e.g. app.listen(process.env.PORT ?? 3000).${lastOutput(output)}`,
        });
        return;
      }
      await sleep(25);
    }
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.child = undefined;
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

/** `node x.js` → `node --import ./.agent/msw-preload.mjs x.js`; other commands get NODE_OPTIONS instead. */
function withPreload(command: string, args: string[]): { command: string; args: string[] } {
  return command === 'node' ? { command, args: ['--import', `./${PRELOAD_SCRIPT}`, ...args] } : { command, args };
}

/** Kills the process group (the server and its children); where groups do not exist (WebContainer), the process. */
function killTree(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) {
      process.kill(-child.pid, 'SIGKILL');
      return;
    }
  } catch {
    // No process group (not detached, or a runtime without groups): fall back to the pid.
  }
  child.kill('SIGKILL');
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
