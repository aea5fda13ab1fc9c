/**
 * What the Node the agent runs on can do, checked where it runs (a WebContainer's Node is not
 * the one on this machine): whether killing a process group works, and whether `fetch`
 * reaches a loopback port. The agent takes the fallback where a probe fails and reports the
 * result in `hello`. Preloads need no probe: `--require` works on every Node version.
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
}

export function probeRuntime(): RuntimeProbe {
  const loopback = probeLoopbackFetch();
  const kill = probeGroupKill();
  return { loopback, kill, all: Promise.all([kill, loopback]).then(([killMode, loopbackMode]) => ({ preload: 'require', kill: killMode, loopback: loopbackMode })) };
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
