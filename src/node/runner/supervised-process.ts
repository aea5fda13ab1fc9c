/**
 * One process the runner started for a page, from spawn to its reported exit: output decoded
 * and handed on in arrival order, an exit code reported exactly once (after the output is
 * delivered), and — whichever way it ends — everything it started killed with it. The spawn
 * goes through the workspace's containment (process-containment.ts), always detached so the
 * process leads its own group.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { constants } from 'node:os';
import type { Containment } from './process-containment.ts';
import { killProcessTree, processTreePids } from './process-tree.ts';
import type { SpawnPlan } from './spawn-allow-list.ts';

/** After the main process exits, how long its output pipes may stay open before we cut them. */
const OUTPUT_DRAIN_MS = 2000;

export interface ProcessEvents {
  output(data: string): void;
  exit(code: number): void;
}

function exitCode(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? (constants.signals[signal] ?? 0) : 0);
}

export class SupervisedProcess {
  /** Resolves once the exit has been reported. */
  readonly exited: Promise<void>;
  /**
   * Every pid seen in its tree so far (refreshed by `treePids`). When the process exits on its
   * own, its children are re-parented and may lead their own groups (the agent starts the
   * learner's server detached), so this memory is how they are still found.
   */
  private readonly seen: Set<number>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly pid: number,
    events: ProcessEvents,
  ) {
    this.seen = new Set([pid]);
    // Writing to a process that has just exited fails with EPIPE; the `stdin` reply reports it.
    child.stdin.on('error', () => {});
    for (const stream of [child.stdout, child.stderr]) {
      const decoder = new TextDecoder();
      stream.on('data', (chunk: Buffer) => {
        const data = decoder.decode(chunk, { stream: true });
        if (data) events.output(data);
      });
    }
    this.exited = new Promise((resolve) => {
      let code = 0;
      let reported = false;
      const report = () => {
        if (reported) return;
        reported = true;
        events.exit(code);
        resolve();
      };
      child.once('exit', (exitedCode, signal) => {
        code = exitCode(exitedCode, signal);
        // The process is gone; whatever it left running in the background goes with it.
        this.killTree();
        setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          report();
        }, OUTPUT_DRAIN_MS).unref();
      });
      child.once('close', report);
    });
  }

  /** Starts `node` as the plan says, under `containment`; throws a sentence when it cannot start. */
  static async start(plan: SpawnPlan, containment: Containment, events: ProcessEvents): Promise<SupervisedProcess> {
    const { file, args } = containment.command(plan.args);
    const child = spawn(file, args, { cwd: plan.cwd, env: plan.env, detached: true, stdio: 'pipe' });
    const failed = new Promise<Error>((resolve) => child.once('error', resolve));
    if (child.pid === undefined) {
      const error = (await failed) as NodeJS.ErrnoException;
      throw new Error(`Could not start node: ${error.code === 'ENOENT' ? `${file} was not found` : error.message}.`);
    }
    return new SupervisedProcess(child, child.pid, events);
  }

  async write(data: string): Promise<void> {
    if (!this.child.stdin.writable) throw new Error('The process no longer reads its input.');
    await new Promise<void>((resolve, reject) =>
      this.child.stdin.write(data, (error) => (error ? reject(new Error(`Could not write to the process: ${error.message}`)) : resolve())),
    );
  }

  endInput(): void {
    this.child.stdin.end();
  }

  /** Pauses or resumes reading its output (backpressure from a slow socket). */
  setFlowing(flowing: boolean): void {
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (flowing) stream.resume();
      else stream.pause();
    }
  }

  /** The live pids of its tree, remembered for the kill after it exits. */
  treePids(): number[] {
    const pids = processTreePids(this.pid);
    for (const pid of pids) this.seen.add(pid);
    return pids;
  }

  /** SIGKILLs the process, its group and every descendant seen. Never throws. */
  killTree(): void {
    killProcessTree(this.pid);
    for (const descendant of this.seen) if (descendant !== this.pid) killProcessTree(descendant);
  }
}
