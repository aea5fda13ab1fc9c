/**
 * The caller's side of the agent protocol (protocol.ts), over any RuntimeProcess: typed
 * commands with ids managed here, replies as promises, events to listeners, check results
 * streamed. The UI and the CLI both talk to the agent through this class, which owns the
 * agent process: `dispose` asks it to shut down and kills it if it does not.
 *
 * The process output is stdout and stderr merged, and in a WebContainer it passes through a
 * pseudo-terminal: lines arrive in arbitrary chunks, our own commands come back as echo, and
 * ANSI sequences may surround them. Lines are reassembled, echoes dropped, escape sequences
 * stripped; a line that is still not a protocol message (a stack trace, a console.log in a
 * checks module) is passed on as a `log` event.
 */
import type { RuntimeProcess } from '../runtime/runtime.ts';
import type { CheckResult } from '../checks/result.ts';
import { errorText } from '../shared/error-text.ts';
import type { AgentCommand, AgentMessage, AgentReplyData } from './protocol.ts';

type CommandType = AgentCommand['type'];
/** A command as the caller writes it: the client picks the id. */
export type AgentCommandInput<T extends CommandType = CommandType> = T extends CommandType ? Omit<Extract<AgentCommand, { type: T }>, 'id'> : never;
export type AgentEvent = Extract<AgentMessage, { type: 'log' | 'server' | 'request-log' }>;

export interface SendOptions {
  /** Reject when no reply came within this many ms (default: wait for ever). */
  timeoutMs?: number;
  /** Called with each `check-result` event of this command. */
  onResult?: (result: CheckResult) => void;
}

/** How long `dispose` lets the agent stop the learner's server and exit before killing it. */
const SHUTDOWN_GRACE_MS = 2000;
/** Echoes arrive right after the write; a few dozen recent lines are plenty to recognise them. */
const ECHO_MEMORY = 32;
const MESSAGE_TYPES = new Set<string>(['reply', 'check-result', 'log', 'server', 'request-log']);
// CSI (`ESC [ … final`), OSC (`ESC ] … BEL|ST`) and two-character escapes.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

interface Pending {
  resolve(data: unknown): void;
  reject(error: Error): void;
  onResult?: (result: CheckResult) => void;
}

export class AgentClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: AgentEvent) => void>();
  private readonly writer: WritableStreamDefaultWriter<string>;
  private readonly output: ReadableStream<string>;
  private exitError: Error | undefined;
  private exited = false;
  private disposed: Promise<void> | undefined;
  /** Recent non-protocol output, for the message when the agent dies. */
  private recentOutput: string[] = [];
  /** Lines recently written, to recognise a terminal's echo of them. */
  private recentInput: string[] = [];

  constructor(private readonly process: RuntimeProcess) {
    this.writer = process.input.getWriter();
    this.output = process.output;
    void this.readOutput();
    void process.exit.then((code) => {
      this.exited = true;
      this.failAll(new Error(`The agent stopped (exit code ${code}).${this.recentOutput.length ? ` Its last output:\n${this.recentOutput.join('\n')}` : ''}`));
    });
  }

  /** Sends a command; resolves with its reply's data, rejects with the agent's error message. */
  send<T extends CommandType>(command: AgentCommandInput<T> & { type: T }, options: SendOptions = {}): Promise<AgentReplyData[T]> {
    if (this.exitError) return Promise.reject(this.exitError);
    const id = this.nextId++;
    return new Promise<AgentReplyData[T]>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (): void => {
        clearTimeout(timer);
        this.pending.delete(id);
      };
      this.pending.set(id, {
        resolve: (data) => {
          settle();
          resolve(data as AgentReplyData[T]);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
        ...(options.onResult ? { onResult: options.onResult } : {}),
      });
      if (options.timeoutMs !== undefined) {
        timer = setTimeout(() => this.pending.get(id)?.reject(new Error(`The agent did not answer "${command.type}" within ${options.timeoutMs! / 1000} s.`)), options.timeoutMs);
      }
      const line = JSON.stringify({ ...command, id });
      this.recentInput = [...this.recentInput.slice(1 - ECHO_MEMORY), line];
      this.writer.write(`${line}\n`).catch((error: unknown) => {
        this.pending.get(id)?.reject(new Error(`Could not send "${command.type}" to the agent: ${errorText(error)}`));
      });
    });
  }

  /** Runs the lesson's checks, calling `onResult` as each finishes. */
  check(onResult?: (result: CheckResult) => void, options: { only?: string[]; restart?: boolean; timeoutMs?: number } = {}): Promise<AgentReplyData['check']> {
    const { timeoutMs, ...rest } = options;
    return this.send({ type: 'check', ...rest }, { ...(onResult ? { onResult } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
  }

  /**
   * Switches the agent to the lesson whose files (`.agent/lesson.json`, `.agent/checks.mjs`,
   * the learner's files) the caller has just written into the workspace: the agent stops the
   * old server and starts the new one. Resolves with the new server's status.
   */
  switchLesson(options: { timeoutMs?: number } = {}): Promise<AgentReplyData['lesson']> {
    return this.send({ type: 'lesson' }, options);
  }

  /** Whether the agent process has ended (its `exit` settled). */
  get hasExited(): boolean {
    return this.exited;
  }

  /** Listens to `log`, `server` and `request-log` events. Returns an unsubscribe. */
  onEvent(listener: (event: AgentEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Ends the agent: asks it to shut down (it stops the learner's server and exits), then kills
   * the process if it has not exited within `graceMs`. Closing stdin is not enough: in a
   * WebContainer, closing a process's input sends nothing to it.
   */
  dispose(graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
    this.disposed ??= (async () => {
      if (this.exited) return;
      // The reply may never come (the agent exits right after sending it); the exit is what counts.
      this.send({ type: 'shutdown' }).catch(() => undefined);
      const exited = await Promise.race([this.process.exit.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs))]);
      if (!exited) this.process.kill();
      this.writer.close().catch(() => undefined);
    })();
    return this.disposed;
  }

  private async readOutput(): Promise<void> {
    const reader = this.output.getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let newline = buffer.indexOf('\n');
        while (newline >= 0) {
          this.onLine(buffer.slice(0, newline).replace(/\r$/, ''));
          buffer = buffer.slice(newline + 1);
          newline = buffer.indexOf('\n');
        }
      }
    } catch {
      // The stream broke because the process ended; `exit` reports that.
    }
    if (buffer) this.onLine(buffer);
  }

  private onLine(raw: string): void {
    const line = raw.replace(ANSI, '').replace(/^.*\r(?=.)/s, '').replace(/\r$/, '');
    if (this.recentInput.includes(line.trim())) return;
    const message = parseMessage(line);
    if (!message) {
      if (line.trim() === '') return;
      this.recentOutput = [...this.recentOutput.slice(-19), line];
      this.emit({ type: 'log', stream: 'stderr', text: `${line}\n` });
      return;
    }
    switch (message.type) {
      case 'reply': {
        const pending = this.pending.get(message.id);
        if (!pending) {
          // id -1: the agent could not read a line we sent; nothing waits for it but the log.
          if (!message.ok) this.emit({ type: 'log', stream: 'stderr', text: `agent: ${message.error}\n` });
          return;
        }
        if (message.ok) pending.resolve(message.data);
        else pending.reject(new Error(message.error));
        return;
      }
      case 'check-result':
        this.pending.get(message.id)?.onResult?.(message.result);
        return;
      default:
        this.emit(message);
    }
  }

  private emit(event: AgentEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private failAll(error: Error): void {
    this.exitError = error;
    for (const pending of [...this.pending.values()]) pending.reject(error);
  }
}

/** A protocol message, also when terminal noise precedes it on the line; never one of our own commands echoed back. */
function parseMessage(line: string): AgentMessage | undefined {
  const start = line.indexOf('{"type":');
  if (start < 0) return undefined;
  try {
    const value = JSON.parse(line.slice(start)) as { type?: unknown };
    return typeof value.type === 'string' && MESSAGE_TYPES.has(value.type) ? (value as AgentMessage) : undefined;
  } catch {
    return undefined;
  }
}
