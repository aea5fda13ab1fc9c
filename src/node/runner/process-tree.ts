/**
 * Finding and killing a spawned process together with everything it started.
 *
 * The runner spawns every process `detached`, so it leads its own process group and
 * `process.kill(-pid)` reaches the whole group at once. Children that escaped the group
 * (a learner's code may call `setsid`) are still found through their parent links in /proc
 * on Linux. Elsewhere the group kill is all there is, with the pid itself as a fallback.
 */
import { readFileSync, readdirSync } from 'node:fs';

interface ProcStat {
  pid: number;
  ppid: number;
  pgrp: number;
}

function readProcStats(): ProcStat[] | undefined {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const stats: ProcStat[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Format: `pid (comm) state ppid pgrp …`; comm may contain spaces and parentheses.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.push({ pid: Number(name), ppid: Number(fields[1]), pgrp: Number(fields[2]) });
    } catch {
      // The process ended while we were looking.
    }
  }
  return stats;
}

/** `rootPid`, its descendants and the members of its process group that are still alive. */
export function processTreePids(rootPid: number): number[] {
  const stats = readProcStats();
  if (!stats) return [rootPid];
  const tree = new Set<number>([rootPid]);
  for (const stat of stats) if (stat.pgrp === rootPid) tree.add(stat.pid);
  let grew = true;
  while (grew) {
    grew = false;
    for (const stat of stats) {
      if (!tree.has(stat.pid) && tree.has(stat.ppid)) {
        tree.add(stat.pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** SIGKILLs the process group led by `rootPid` and every descendant found. Never throws. */
export function killProcessTree(rootPid: number): void {
  const pids = processTreePids(rootPid);
  try {
    process.kill(-rootPid, 'SIGKILL');
  } catch {
    // No such group (already gone, or a platform without process groups).
  }
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
