/**
 * What the check runner needs from wherever it runs (the agent in Node or a WebContainer, or
 * the page's SQL worker). The runner owns the check semantics; an environment only moves
 * bytes and manages the learner's server.
 */
import type { CommandResult, DatasetVariant, HttpRequestSpec, HttpResponse, ServerEnv, ServerExit, SqlDatabase, UpstreamCall, UpstreamScript } from './define.ts';

export interface CheckEnvironment {
  /**
   * Sends one request to the learner's server, giving up after `timeoutMs`. When the server
   * is not running, crashed or dropped the connection, throws a CheckFailure that says so
   * with the server's last output (the learner's bug, not the checker's).
   */
  request(spec: HttpRequestSpec, timeoutMs: number): Promise<HttpResponse>;
  /** A workspace file's bytes, or `undefined` when it does not exist. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /** Opens an in-memory SQLite database from these bytes (empty when none). */
  openDatabase(bytes?: Uint8Array): Promise<SqlDatabase>;
  /** `sql` lessons: the SQLite bytes of the lesson's dataset variant. */
  datasetBytes(variant: DatasetVariant): Promise<Uint8Array>;
  /** Makes `script` the upstream fakes the learner's server sees from its next request on. */
  setUpstream(script: UpstreamScript): Promise<void>;
  /** Every upstream call recorded so far (the runner keeps the ones made during a check). */
  upstreamCalls(): Promise<UpstreamCall[]>;
  /**
   * Restarts the learner's server and waits until it listens (or throws a CheckFailure). With
   * `env`, these variables apply to this start only (a `null` value removes one).
   */
  restartServer(options?: { env?: ServerEnv }): Promise<void>;
  /** Sends `signal` to the learner's server and waits up to `timeoutMs` for it to exit. */
  signalServer(signal: 'SIGTERM' | 'SIGINT' | 'SIGHUP', timeoutMs: number): Promise<ServerExit>;
  /** The server's clock in ms since the epoch (the real time plus what checks advanced). */
  clockNow(): Promise<number>;
  /** Moves the server's clock forward; resolves once the server has seen the new time. */
  advanceClock(ms: number): Promise<void>;
  /** Back to the real time: called before every check. */
  resetClock(): Promise<void>;
  /** Runs a command in the learner's workspace; resolves with its exit and output, also on a non-zero exit or a timeout. */
  runCommand(command: string, args: string[], options: { timeoutMs: number; env?: Record<string, string> }): Promise<CommandResult>;
  /** A position in the learner's server output… */
  outputMark(): number;
  /** …and what the server wrote after it. */
  outputSince(mark: number): string;
  /** After a check timed out: make the next check runnable again (e.g. restart a server stuck in a loop). */
  recover(): Promise<void>;
}
