/**
 * The main thread's side of the checks worker: loads the lesson's checks module in a worker
 * thread, runs the checks there, answers the worker's calls on the learner's server, and
 * watches it. A worker whose check outlives its time limit while its heartbeat is silent is
 * stuck in synchronous code: it is terminated, that check gets `timeout`, and a new worker
 * runs the checks that remain. One looping check costs one check, and nothing is left running.
 *
 * A fresh worker (fresh module state) serves every Check; the next one is loaded ahead, soon
 * after each run, so the learner's next Check does not wait for it (not at once: a one-shot
 * caller such as `lessons:verify` disposes the agent first and pays nothing for it).
 */
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { CheckEnvironment } from '../checks/environment.ts';
import type { CheckResult } from '../checks/result.ts';
import { errorText } from '../shared/error-text.ts';
import { HEARTBEAT_MS, REMOTE_METHODS, serializeError, type CheckWorkerData, type ChecksInfo, type FromWorker, type RemoteMethod, type ToWorker } from './check-worker-protocol.ts';
import type { AgentLessonConfig } from './protocol.ts';
import { CHECK_WORKER_SCRIPT, CHECKS_MODULE } from './workspace-paths.ts';

/** Beyond a check's own limit: time for the runner's own bookkeeping before the worker is judged. */
const GRACE_MS = 1000;
/** A heartbeat older than this means the worker's event loop is not turning. */
const SILENT_MS = HEARTBEAT_MS * 5;
/** Importing the checks module: top-level code that never finishes is an authoring bug. */
const LOAD_TIMEOUT_MS = 10_000;
const WATCH_MS = 50;
const PRELOAD_NEXT_AFTER_MS = 1000;

export interface CheckWorkerHostOptions {
  root: string;
  lesson: AgentLessonConfig;
  /** The main thread's environment: answers the worker's server-side calls. */
  environment: CheckEnvironment;
}

interface LoadedWorker {
  worker: Worker;
  info: ChecksInfo;
  /** The checks file as loaded (size and mtime): a rewritten file needs a new worker. */
  stamp: string;
  /** Set by the watchdog: when the worker last proved its event loop turns. */
  lastBeat: number;
}

type CheckInfo = ChecksInfo['checks'][number];
/** Where the check a worker was running when it stopped had started: for its duration and its share of the server output. */
interface StoppedAt {
  id: string;
  startedAt: number;
  outputMark: number;
}
type RunOutcome = { kind: 'done' } | ({ kind: 'stuck' | 'crashed'; error?: string } & StoppedAt) | { kind: 'failed'; error: string };

export class CheckWorkerHost {
  private next: Promise<LoadedWorker> | undefined;
  private running: LoadedWorker | undefined;
  private preloadTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly workers = new Set<Worker>();

  constructor(private readonly options: CheckWorkerHostOptions) {}

  /** What the checks module declares (loads it in the next worker if needed). */
  async info(): Promise<ChecksInfo> {
    return (await this.upcoming()).info;
  }

  /** Mirrors the learner's server output into the worker running checks. */
  forwardOutput(text: string): void {
    this.running?.worker.postMessage({ type: 'output', text } satisfies ToWorker);
  }

  /** Runs the checks (or `only` these), streaming each result; a stuck check becomes `timeout` and the rest still run. */
  async run(only: string[] | undefined, onResult: (result: CheckResult) => void): Promise<CheckResult[]> {
    const results: CheckResult[] = [];
    const first = await this.upcoming();
    this.next = undefined;
    let remaining = first.info.checks.filter((check) => !only || only.includes(check.id));
    let loaded: LoadedWorker | undefined = first;
    try {
      while (remaining.length > 0) {
        loaded ??= await this.load();
        const outcome = await this.runIn(loaded, remaining, (result) => {
          results.push(result);
          onResult(result);
        });
        await this.terminate(loaded.worker);
        loaded = undefined;
        if (outcome.kind === 'done') break;
        if (outcome.kind === 'failed') throw new Error(outcome.error);
        const index = remaining.findIndex((check) => check.id === outcome.id);
        const check = remaining[index];
        remaining = remaining.slice(index + 1);
        if (check) {
          const result = this.stoppedResult(check, outcome);
          results.push(result);
          onResult(result);
        }
        await this.options.environment.recover().catch(() => undefined);
      }
    } finally {
      if (loaded) await this.terminate(loaded.worker);
      // The next Check gets a fresh worker, loaded while the learner reads these results.
      this.preloadTimer = setTimeout(() => void this.upcoming().catch(() => undefined), PRELOAD_NEXT_AFTER_MS);
      this.preloadTimer.unref();
    }
    return results;
  }

  /** Terminates every worker (a new lesson, or the agent shutting down). */
  async dispose(): Promise<void> {
    clearTimeout(this.preloadTimer);
    this.next = undefined;
    await Promise.all([...this.workers].map((worker) => this.terminate(worker)));
  }

  /** The worker for the next run: the one loaded ahead, unless the checks file changed since (or it failed to load). */
  private async upcoming(): Promise<LoadedWorker> {
    if (this.next) {
      const loaded = await this.next.catch(() => undefined);
      if (loaded && loaded.stamp === (await this.checksStamp())) return loaded;
      if (loaded) await this.terminate(loaded.worker);
    }
    const next = this.load();
    this.next = next;
    return next;
  }

  private async checksStamp(): Promise<string> {
    const info = await stat(join(this.options.root, CHECKS_MODULE)).catch(() => undefined);
    return info ? `${info.size}:${info.mtimeMs}` : 'missing';
  }

  private async load(): Promise<LoadedWorker> {
    const { root, lesson } = this.options;
    const stamp = await this.checksStamp();
    // A fresh URL: the checks file may have been rewritten since the last worker loaded it.
    const data: CheckWorkerData = { root, lesson, checksUrl: `${pathToFileURL(join(root, CHECKS_MODULE)).href}?v=${Date.now()}` };
    const worker = new Worker(join(root, CHECK_WORKER_SCRIPT), { workerData: data });
    this.workers.add(worker);
    worker.unref();
    return new Promise<LoadedWorker>((resolve, reject) => {
      const fail = (message: string): void => {
        clearTimeout(timer);
        void this.terminate(worker);
        reject(new Error(message));
      };
      const timer = setTimeout(() => fail(`${CHECKS_MODULE} did not finish loading within ${LOAD_TIMEOUT_MS / 1000} s: does its top-level code loop?`), LOAD_TIMEOUT_MS);
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'loaded') {
          clearTimeout(timer);
          resolve({ worker, info: message.info, stamp, lastBeat: performance.now() });
        } else if (message.type === 'load-failed') {
          fail(message.error);
        }
      });
      worker.once('error', (error) => fail(`the checks worker crashed while loading ${CHECKS_MODULE}: ${errorText(error)}`));
      worker.once('exit', (code) => fail(`the checks worker exited (code ${code}) while loading ${CHECKS_MODULE}`));
    });
  }

  private runIn(loaded: LoadedWorker, checks: CheckInfo[], onResult: (result: CheckResult) => void): Promise<RunOutcome> {
    const { worker } = loaded;
    this.running = loaded;
    let finished = 0;
    let checkStarted = performance.now();
    let outputMark = this.options.environment.outputMark();
    loaded.lastBeat = performance.now();
    return new Promise<RunOutcome>((resolve) => {
      const end = (outcome: RunOutcome): void => {
        clearInterval(watchdog);
        worker.off('message', onMessage);
        if (this.running === loaded) this.running = undefined;
        resolve(outcome);
      };
      const current = (): StoppedAt => ({ id: checks[finished]?.id ?? checks[checks.length - 1]?.id ?? '', startedAt: checkStarted, outputMark });
      const onMessage = (message: FromWorker): void => {
        switch (message.type) {
          case 'heartbeat':
            loaded.lastBeat = performance.now();
            return;
          case 'call':
            void this.answer(worker, message.callId, message.method, message.args);
            return;
          case 'result':
            finished += 1;
            checkStarted = performance.now();
            outputMark = this.options.environment.outputMark();
            onResult(message.result);
            return;
          case 'done':
            return end({ kind: 'done' });
          case 'run-failed':
            return end({ kind: 'failed', error: message.error });
          default:
            return;
        }
      };
      worker.on('message', onMessage);
      worker.once('error', (error) => end({ kind: 'crashed', ...current(), error: errorText(error) }));
      worker.once('exit', (code) => end({ kind: 'crashed', ...current(), error: `the checks worker exited with code ${code}` }));
      const watchdog = setInterval(() => {
        const limit = checks[finished]?.timeoutMs ?? 0;
        const now = performance.now();
        // Past its time and silent: the check's own code is not yielding (a busy loop).
        if (now > checkStarted + limit + GRACE_MS && now - loaded.lastBeat > SILENT_MS) end({ kind: 'stuck', ...current() });
      }, WATCH_MS);
      worker.postMessage({ type: 'run', only: checks.map((check) => check.id) } satisfies ToWorker);
    });
  }

  private async answer(worker: Worker, callId: number, method: RemoteMethod, args: unknown[]): Promise<void> {
    let reply: ToWorker;
    try {
      if (!REMOTE_METHODS.includes(method)) throw new Error(`the checks worker asked for an unknown method ${JSON.stringify(method)}`);
      const fn = this.options.environment[method] as (...given: unknown[]) => Promise<unknown>;
      reply = { type: 'reply', callId, ok: true, value: await fn.apply(this.options.environment, args) };
    } catch (error) {
      reply = { type: 'reply', callId, ok: false, error: serializeError(error) };
    }
    if (!this.workers.has(worker)) return;
    try {
      worker.postMessage(reply);
    } catch (error) {
      // A value that cannot be cloned (e.g. a function in `expected`): send the message alone.
      worker.postMessage({ type: 'reply', callId, ok: false, error: serializeError(new Error(`could not pass a result to the checks worker: ${errorText(error)}`)) } satisfies ToWorker);
    }
  }

  private stoppedResult(check: CheckInfo, stopped: Extract<RunOutcome, StoppedAt>): CheckResult {
    const logs = this.options.environment.outputSince(stopped.outputMark);
    const base = { id: check.id, title: check.title, durationMs: Math.round(performance.now() - stopped.startedAt), ...(check.hint ? { hint: check.hint } : {}), ...(logs ? { logs } : {}) };
    if (stopped.kind === 'stuck') {
      return {
        ...base,
        status: 'timeout',
        message: `This check did not finish within ${check.timeoutMs / 1000} s: its code never gave control back (an endless loop?), so it was stopped.`,
      };
    }
    return { ...base, status: 'error', message: `The checker crashed — this is not your fault: ${stopped.error ?? 'the checks worker stopped'}` };
  }

  private async terminate(worker: Worker): Promise<void> {
    if (!this.workers.delete(worker)) return;
    await worker.terminate().catch(() => undefined);
  }
}
