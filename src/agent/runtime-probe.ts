/**
 * What the Node the agent runs on can do, checked where it runs (a WebContainer's Node is not
 * the one on this machine): whether killing a process group works, whether `fetch` reaches a
 * loopback port, and whether `node` takes V8's `--liftoff-only --no-opt`. The agent takes the fallback
 * where a probe fails and reports the result in `hello`. Preloads need no probe: `--require`
 * works on every Node version.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import type { KillMode } from './kill-tree.ts';
import type { RuntimeFeatures } from './protocol.ts';

const PROBE_TIMEOUT_MS = 2000;

export interface RuntimeProbe {
  /** Every probe's answer (for `hello`). */
  all: Promise<RuntimeFeatures>;
  /** How to reach the learner's server: quick, and all that requests and checks wait for. */
  loopback: Promise<RuntimeFeatures['loopback']>;
  /** How to kill process trees: a process spawn, so it runs in the background; `group` is tried (with a pid fallback) until it answers. */
  kill: Promise<KillMode>;
  /** Whether learner servers may run with V8's baseline compilers only (a process spawn too). */
  compilers: Promise<RuntimeFeatures['compilers']>;
}

export function probeRuntime(): RuntimeProbe {
  const loopback = probeLoopbackFetch();
  const kill = probeGroupKill();
  const compilers = probeBaselineCompilers();
  return {
    loopback,
    kill,
    compilers,
    all: Promise.all([kill, loopback, compilers]).then(([killMode, loopbackMode, compilerMode]) => ({ preload: 'require', kill: killMode, loopback: loopbackMode, compilers: compilerMode })),
  };
}

/**
 * The flags learner servers start with where this `node` takes them. sql.js is a 650 KB
 * WebAssembly module that most lessons' servers load at start; V8 compiles it with its baseline
 * compiler and then again with its optimizing one, and its optimizing JavaScript compiler works
 * through Express's start-up code the same way — work a server that answers a few dozen
 * requests never gets back. Measured on a 2-core machine (2026-11-27): a Node start that opens a
 * sql.js database took 0.5–0.6 s (0.6–0.75 s of CPU) by default, 0.27–0.33 s with
 * `--liftoff-only`, and 0.40 s of CPU instead of 0.56 s with `--no-opt` added (lessons:verify
 * of `apis/`: 198 → 179 CPU-seconds). Hot code runs slower on baseline code, which a lesson's
 * few requests and rows never notice (no check times JavaScript or a query: the only timed
 * checks wait for a lower bound or compare two scrypt runs, which are native code). A
 * WebContainer's `node` may not take V8 flags, so they are used only where this `node` does.
 */
export const BASELINE_COMPILER_FLAGS = ['--liftoff-only', '--no-opt'];

async function probeBaselineCompilers(): Promise<RuntimeFeatures['compilers']> {
  const child = spawn(process.execPath, [...BASELINE_COMPILER_FLAGS, '-e', 'process.exit(typeof WebAssembly === "object" ? 0 : 3)'], { stdio: 'ignore', cwd: tmpdir() });
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, PROBE_TIMEOUT_MS);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
    child.once('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
  return code === 0 ? 'baseline' : 'default';
}

async function probeGroupKill(): Promise<KillMode> {
  // The child ends by itself after 3 s, so an agent killed mid-probe cannot leave it running;
  // and it runs outside the workspace, where it would pass for a learner process.
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 3000)'], { detached: true, stdio: 'ignore', cwd: tmpdir() });
  const exited = new Promise<boolean>((resolve) => {
    child.once('exit', () => resolve(true));
    child.once('error', () => resolve(true));
  });
  const spawned = await new Promise<boolean>((resolve) => {
    child.once('spawn', () => resolve(true));
    child.once('error', () => resolve(false));
  });
  if (!spawned || child.pid === undefined) return 'pid';
  let mode: KillMode = 'group';
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    mode = 'pid';
  }
  const gone = mode === 'group' && (await Promise.race([exited, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PROBE_TIMEOUT_MS))]));
  if (!gone) {
    child.kill('SIGKILL');
    return 'pid';
  }
  return 'group';
}

async function probeLoopbackFetch(): Promise<'fetch' | 'http'> {
  const server = createServer((_request, response) => response.end('ok'));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error('no port'));
      });
    });
    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return (await response.text()) === 'ok' ? 'fetch' : 'http';
  } catch {
    return 'http';
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
