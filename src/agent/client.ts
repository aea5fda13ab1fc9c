/**
 * The caller's side of the agent protocol (protocol.ts), over any RuntimeProcess: typed
 * commands with ids managed here, replies as promises, events to listeners, check results
 * streamed. The UI and the CLI both talk to the agent through this class.
 *
 * The process output is stdout and stderr merged, so a line that is not a protocol message
 * (a stack trace, a console.log in a checks module) is passed on as a `log` event.
 */
import type { RuntimeProcess } from '../runtime/runtime.ts';
import type { CheckResult } from '../checks/result.ts';
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
  /** Recent non-protocol output, for the message when the agent dies. */
  private recentOutput: string[] = [];

  constructor(process: RuntimeProcess) {
    this.writer = process.input.getWriter();
    this.output = process.output;
    void this.readOutput();
    void process.exit.then((code) => this.failAll(new Error(`The agent stopped (exit code ${code}).${this.recentOutput.length ? ` Its last output:\n${this.recentOutput.join('\n')}` : ''}`)));
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
      this.writer.write(`${JSON.stringify({ ...command, id })}\n`).catch((error: unknown) => {
        this.pending.get(id)?.reject(new Error(`Could not send "${command.type}" to the agent: ${error instanceof Error ? error.message : String(error)}`));
      });
    });
  }

  /** Runs the lesson's checks, calling `onResult` as each finishes. */
  check(onResult?: (result: CheckResult) => void, options: { only?: string[]; restart?: boolean; timeoutMs?: number } = {}): Promise<AgentReplyData['check']> {
    const { timeoutMs, ...rest } = options;
    return this.send({ type: 'check', ...rest }, { ...(onResult ? { onResult } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
  }

  /** Listens to `log`, `server` and `request-log` events. Returns an unsubscribe. */
  onEvent(listener: (event: AgentEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Closes the agent's stdin: it stops the learner's server and exits. Callers that cannot
   * wait for that kill the process afterwards.
   */
  close(): void {
    this.writer.close().catch(() => undefined);
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

  private onLine(line: string): void {
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

function parseMessage(line: string): AgentMessage | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(line) as { type?: unknown };
    return typeof value.type === 'string' ? (value as AgentMessage) : undefined;
  } catch {
    return undefined;
  }
}
