/**
 * The checks worker (`.agent/check-worker.mjs`, a worker thread of the agent): imports the
 * lesson's checks module, tells the main thread what it found, and runs the checks when asked.
 * Check code that never yields (a `while (true) {}` in a `run`) blocks only this thread: the
 * main thread notices the missing heartbeat and terminates it (check-worker-host.ts).
 *
 * The environment here reads files and opens databases itself; every method touching the
 * learner's server is a message to the main thread, which owns the server.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DatasetVariant, LessonChecks, SqlDatabase } from '../checks/define.ts';
import type { CheckEnvironment } from '../checks/environment.ts';
import { DEFAULT_CHECK_TIMEOUT_MS, runChecks } from '../checks/run-checks.ts';
import { errorText } from '../shared/error-text.ts';
import { openSqlJsDatabase, readDatasetBytes, readWorkspaceFile } from './agent-environment.ts';
import { HEARTBEAT_MS, REMOTE_METHODS, reviveError, type CheckWorkerData, type ChecksInfo, type FromWorker, type RemoteMethod, type ToWorker } from './check-worker-protocol.ts';
import { ServerOutputBuffer } from './server-output-buffer.ts';

const port = parentPort;
if (!port) throw new Error('check-worker.mjs runs as a worker thread of the agent');
const { root, lesson, checksUrl } = workerData as CheckWorkerData;

function post(message: FromWorker): void {
  port!.postMessage(message);
}

const output = new ServerOutputBuffer();
const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
let nextCallId = 1;

function callMain(method: RemoteMethod, args: unknown[]): Promise<unknown> {
  const callId = nextCallId++;
  return new Promise((resolve, reject) => {
    pending.set(callId, { resolve, reject });
    post({ type: 'call', callId, method, args });
  });
}

const remote = Object.fromEntries(REMOTE_METHODS.map((method) => [method, (...args: unknown[]) => callMain(method, args)])) as Pick<CheckEnvironment, RemoteMethod>;

const environment: CheckEnvironment = {
  ...remote,
  readFile: (path: string) => readWorkspaceFile(root, path),
  openDatabase: (bytes?: Uint8Array): Promise<SqlDatabase> => openSqlJsDatabase(bytes),
  datasetBytes: (variant: DatasetVariant) => readDatasetBytes(root, lesson, variant),
  outputMark: () => output.mark(),
  outputSince: (mark: number) => output.since(mark),
};

let checks: LessonChecks | undefined;

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'output':
      output.append(message.text);
      return;
    case 'reply': {
      const call = pending.get(message.callId);
      pending.delete(message.callId);
      if (message.ok) call?.resolve(message.value);
      else call?.reject(reviveError(message.error));
      return;
    }
    case 'run':
      if (!checks) return post({ type: 'run-failed', error: 'the checks module is not loaded' });
      runChecks(checks, environment, (result) => post({ type: 'result', result }), { only: message.only }).then(
        () => post({ type: 'done' }),
        (error: unknown) => post({ type: 'run-failed', error: errorText(error) }),
      );
      return;
  }
});

// Beats only while this thread's event loop turns: a loop in check code silences it.
setInterval(() => post({ type: 'heartbeat' }), HEARTBEAT_MS);

try {
  const module = (await import(checksUrl)) as { default?: LessonChecks };
  if (!module.default) throw new Error('.agent/checks.mjs has no default export: checks.ts must `export default defineChecks({...})`');
  checks = module.default;
  const list = Array.isArray(checks.checks) ? checks.checks : [];
  const info: ChecksInfo = {
    checks: list.map((check) => ({ id: check.id, title: check.title, ...(check.hint ? { hint: check.hint } : {}), timeoutMs: check.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS })),
  };
  post({ type: 'loaded', info });
} catch (error) {
  post({ type: 'load-failed', error: errorText(error) });
}
