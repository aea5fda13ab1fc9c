/**
 * Start-up sweep of what an earlier runner left behind when it could not clean up (a SIGKILL,
 * a power cut, a crash): workspace folders named after a server pid that is no longer alive,
 * and processes tagged with such a pid (spawn-allow-list.ts puts the tag in every learner
 * process's environment). A sibling server that is still running keeps its own. Only this
 * user's folders and processes are touched.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { lstat, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killProcessTree } from './process-tree.ts';
import { RUNNER_OWNER_ENV } from './spawn-allow-list.ts';
import { WORKSPACE_PREFIX } from './workspace.ts';

export interface SweepResult {
  workspaces: number;
  processes: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const isOrphanOwner = (owner: number) => owner !== process.pid && !isAlive(owner);

async function sweepWorkspaces(parentDir: string): Promise<number> {
  const pattern = new RegExp(`^${WORKSPACE_PREFIX}(\\d+)-`);
  let swept = 0;
  for (const name of await readdir(parentDir).catch(() => [])) {
    const owner = Number(pattern.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(owner) || !isOrphanOwner(owner)) continue;
    const path = join(parentDir, name);
    const entry = await lstat(path).catch(() => undefined);
    if (!entry?.isDirectory() || entry.uid !== process.getuid?.()) continue;
    await rm(path, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
    swept++;
  }
  return swept;
}

/** Pids (Linux, this user's, readable environments only) whose runner tag names a dead server. */
function orphanProcesses(): number[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const tag = `${RUNNER_OWNER_ENV}=`;
  const orphans: number[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let environ: string;
    try {
      environ = readFileSync(`/proc/${name}/environ`, 'latin1');
    } catch {
      continue; // Another user's process, or gone.
    }
    const entry = environ.split('\0').find((variable) => variable.startsWith(tag));
    if (entry && isOrphanOwner(Number(entry.slice(tag.length)))) orphans.push(Number(name));
  }
  return orphans;
}

export async function sweepStaleRunnerLeftovers(parentDir = tmpdir()): Promise<SweepResult> {
  const pids = orphanProcesses();
  for (const pid of pids) killProcessTree(pid);
  return { processes: pids.length, workspaces: await sweepWorkspaces(parentDir) };
}
