/**
 * What the check runner needs from wherever it runs (the agent in Node or a WebContainer, or
 * the page's SQL worker). The runner owns the check semantics; an environment only moves
 * bytes and manages the learner's server.
 */
import type { DatasetVariant, HttpRequestSpec, HttpResponse, SqlDatabase, UpstreamCall, UpstreamScript } from './define.ts';

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
  /** Restarts the learner's server and waits until it listens (or throws a CheckFailure). */
  restartServer(): Promise<void>;
  /** A position in the learner's server output… */
  outputMark(): number;
  /** …and what the server wrote after it. */
  outputSince(mark: number): string;
  /** After a check timed out: make the next check runnable again (e.g. restart a server stuck in a loop). */
  recover(): Promise<void>;
}
