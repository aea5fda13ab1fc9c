/**
 * Ends a process the agent spawned together with whatever it started. Spawned `detached`, a
 * process leads its own group and `process.kill(-pid)` reaches all of it; where groups do not
 * exist or do not work (the runtime probe says so), only the process itself can be killed.
 */
import type { RuntimeFeatures } from './protocol.ts';

export type KillMode = RuntimeFeatures['kill'];

/** Sends `signal` to the group led by `pid` (mode `group`), else to `pid`. Never throws: a process that is gone is already killed. */
export function killTree(pid: number, signal: NodeJS.Signals, mode: KillMode): void {
  if (mode === 'group') {
    try {
      process.kill(-pid, signal);
      return;
    } catch {
      // No such group (not detached, or already gone): the pid is the fallback.
    }
  }
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}
