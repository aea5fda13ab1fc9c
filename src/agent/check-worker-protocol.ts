/**
 * Messages between the agent's main thread and the checks worker (check-worker.ts), which
 * runs the lesson's checks module where a synchronous loop can be stopped
 * (`worker.terminate()`). The worker does the file and database work itself and asks the main
 * thread for everything touching the learner's server (REMOTE_METHODS).
 */
import type { CheckResult } from '../checks/result.ts';
import type { CheckEnvironment } from '../checks/environment.ts';
import { CheckFailure, isCheckFailure, type CheckFailureKind } from '../checks/check-failure.ts';
import type { AgentLessonConfig } from './protocol.ts';

/** How often the worker proves its event loop turns; the main thread declares it stuck after a few missed beats. */
export const HEARTBEAT_MS = 100;

/** The CheckEnvironment methods the main thread answers for the worker. */
export const REMOTE_METHODS = ['request', 'setUpstream', 'upstreamCalls', 'restartServer', 'signalServer', 'clockNow', 'advanceClock', 'resetClock', 'runCommand', 'recover'] as const satisfies readonly (keyof CheckEnvironment)[];
export type RemoteMethod = (typeof REMOTE_METHODS)[number];

export interface CheckWorkerData {
  root: string;
  lesson: AgentLessonConfig;
  /** `file:` URL of the compiled checks module. */
  checksUrl: string;
}

/** What the main thread needs to know of the checks module without running it. */
export interface ChecksInfo {
  checks: { id: string; title: string; hint?: string; timeoutMs: number }[];
}

/** An error crossing the thread boundary: a CheckFailure's details survive, so a `fail` stays a `fail`. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** CheckFailure only: the details given (a key is present exactly when it was given). */
  failure?: { expected?: unknown; actual?: unknown; logs?: string; kind?: CheckFailureKind };
}

export type ToWorker =
  | { type: 'run'; only: string[] }
  | { type: 'reply'; callId: number; ok: true; value: unknown }
  | { type: 'reply'; callId: number; ok: false; error: SerializedError }
  /** The learner's server output, mirrored so `outputSince` stays synchronous in the worker. */
  | { type: 'output'; text: string };

export type FromWorker =
  | { type: 'loaded'; info: ChecksInfo }
  | { type: 'load-failed'; error: string }
  | { type: 'heartbeat' }
  | { type: 'call'; callId: number; method: RemoteMethod; args: unknown[] }
  | { type: 'result'; result: CheckResult }
  | { type: 'done' }
  | { type: 'run-failed'; error: string };

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const base = { name: error.name, message: error.message, ...(error.stack !== undefined ? { stack: error.stack } : {}) };
  if (!isCheckFailure(error)) return base;
  const failure: NonNullable<SerializedError['failure']> = {};
  if ('expected' in error) failure.expected = error.expected;
  if ('actual' in error) failure.actual = error.actual;
  if (error.logs !== undefined) failure.logs = error.logs;
  if (error.kind !== undefined) failure.kind = error.kind;
  return { ...base, failure };
}

/** The error the worker throws for a SerializedError: a CheckFailure again where it was one. */
export function reviveError(error: SerializedError): Error {
  if (error.failure) return new CheckFailure(error.message, error.failure);
  const revived = new Error(error.message);
  revived.name = error.name;
  if (error.stack !== undefined) revived.stack = error.stack;
  return revived;
}
