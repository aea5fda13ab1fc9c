/**
 * Which TCP ports a set of processes listens on, read from /proc (Linux only; elsewhere the
 * answer is always empty and the app relies on the agent's own `server` events instead).
 * Used for the runtime's best-effort `server-ready` event.
 */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

const TCP_LISTEN = '0A';

function socketInodes(pids: number[]): Set<string> {
  const inodes = new Set<string>();
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match?.[1]) inodes.add(match[1]);
      } catch {
        // The descriptor closed while we were looking.
      }
    }
  }
  return inodes;
}

export function listeningPorts(pids: number[]): Set<number> {
  const ports = new Set<number>();
  if (process.platform !== 'linux' || pids.length === 0) return ports;
  const inodes = socketInodes(pids);
  if (inodes.size === 0) return ports;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[];
    try {
      lines = readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      // Columns: sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
      const fields = line.trim().split(/\s+/);
      const [, local, , state, , , , , , inode] = fields;
      if (state === TCP_LISTEN && inode && inodes.has(inode) && local) ports.add(parseInt(local.split(':')[1] ?? '', 16));
    }
  }
  return ports;
}
