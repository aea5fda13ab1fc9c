/**
 * Where a workspace's processes run so that they cannot outlive it.
 *
 * Preferred: a PID namespace (`unshare --pid --fork --kill-child`), inside a user and mount
 * namespace so it needs no privileges. Node is its init: when the runner kills the group, every
 * process in the namespace dies with it — even one that called `setsid` and left the process
 * group (V3). `setpriv --pdeathsig KILL` ties it to this server too, so even a server killed
 * with SIGKILL leaves nothing running. The mount namespace also carries the read-only
 * dependencies: the given folders are bind-mounted read-only over themselves, then a second
 * user namespace locks those mounts (the kernel refuses to remount or unmount mounts inherited
 * from a more privileged namespace), and `/proc` is private, so `/proc/<host pid>/root` offers
 * no writable way around them.
 *
 * Fallback (no `unshare`, not Linux, namespaces disabled): a detached process group killed as a
 * whole, plus the /proc walk of process-tree.ts. The page reports it, because a process that
 * leaves its group and re-parents away can then escape.
 */
import { spawnSync } from 'node:child_process';
import type { RunnerContainment } from '../../runtime/local-protocol.ts';

export interface Containment {
  kind: RunnerContainment;
  /** The program and arguments that run `node <args>` under this containment. */
  command(nodeArgs: string[]): { file: string; args: string[] };
}

const NAMESPACE_PROBE_TIMEOUT_MS = 5000;

/**
 * Inside the outer namespaces: bind the read-only folders, then exec a locking user+mount
 * namespace that execs Node. `$1` is the Node binary, the rest its arguments; folders come from
 * the environment-free positional list after `--`.
 */
const NAMESPACE_SCRIPT = [
  'node_bin=$1; shift; count=$1; shift',
  'while [ "$count" -gt 0 ]; do',
  '  mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 125',
  '  shift; count=$((count - 1))',
  'done',
  'exec unshare --user --map-root-user --mount -- "$node_bin" "$@"',
].join('\n');

function namespaceCommand(readOnly: string[], nodeArgs: string[]): { file: string; args: string[] } {
  return {
    file: 'setpriv',
    args: [
      '--pdeathsig',
      'KILL',
      '--',
      'unshare',
      '--user',
      '--map-root-user',
      '--mount',
      '--pid',
      '--fork',
      '--kill-child',
      '--mount-proc',
      '--',
      'sh',
      '-c',
      NAMESPACE_SCRIPT,
      'runner-namespace',
      process.execPath,
      String(readOnly.length),
      ...readOnly,
      ...nodeArgs,
    ],
  };
}

const processGroup: Containment = {
  kind: 'process-group',
  command: (nodeArgs) => ({ file: process.execPath, args: nodeArgs }),
};

/**
 * Probes once whether this machine runs a namespace with read-only mounts (Node must be pid 1
 * and see the first folder as a read-only file system); falls back to process groups.
 * `preferred: 'process-group'` skips the probe (tests of the fallback).
 */
export function detectContainment(readOnly: [string, ...string[]], preferred: RunnerContainment = 'pid-namespace'): Containment {
  if (process.platform !== 'linux' || preferred === 'process-group') return processGroup;
  const probe = `try { require('fs').accessSync(${JSON.stringify(readOnly[0])}, require('fs').constants.W_OK); } catch (error) { if (error.code === 'EROFS') console.log('contained ' + process.pid); }`;
  const { file, args } = namespaceCommand(readOnly, ['-e', probe]);
  const result = spawnSync(file, args, { encoding: 'utf8', timeout: NAMESPACE_PROBE_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'ignore'] });
  if (result.status === 0 && result.stdout.trim() === 'contained 1') {
    return { kind: 'pid-namespace', command: (nodeArgs) => namespaceCommand(readOnly, nodeArgs) };
  }
  return processGroup;
}
