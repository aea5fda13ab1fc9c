/**
 * Runs a command a check asked for in the learner's workspace (typically the learner's own
 * tests: `node --test`): bounded in time and in output, its whole tree killed on timeout, and
 * never a throw for a non-zero exit. Only `node` may run, and only on workspace scripts or
 * with `--test`: checks come from lessons, but nothing they start should leave the workspace.
 */
import { spawn } from 'node:child_process';
import type { CommandResult } from '../checks/define.ts';
import { errorText } from '../shared/error-text.ts';
import { workspacePathSegments } from '../runtime/workspace-path.ts';
import { killTree, type KillMode } from './kill-tree.ts';

/** Per stream: enough for a test report, bounded so a chatty loop cannot fill the agent's memory. */
const MAX_OUTPUT_CHARS = 64 * 1024;

export interface RunCommandOptions {
  cwd: string;
  timeoutMs: number;
  env?: Record<string, string>;
  killMode: KillMode;
}

export async function runCommand(command: string, args: string[], options: RunCommandOptions): Promise<CommandResult> {
  assertAllowed(command, args);
  const started = performance.now();
  // The learner's server preloads stay out: a command runs as the learner would run it.
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, args, { cwd: options.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream].setEncoding('utf8');
    child[stream].on('data', (text: string) => {
      const kept = output[stream];
      if (kept.length < MAX_OUTPUT_CHARS) output[stream] = (kept + text).slice(0, MAX_OUTPUT_CHARS);
    });
  }
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) killTree(child.pid, 'SIGKILL', options.killMode);
  }, options.timeoutMs);
  const exit = await new Promise<{ code: number | null; signal: string | null; error?: string }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error: errorText(error) }));
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  clearTimeout(timer);
  // Whatever the command left running in its group goes with it.
  if (child.pid !== undefined) killTree(child.pid, 'SIGKILL', options.killMode);
  return {
    code: exit.code,
    signal: exit.signal,
    stdout: output.stdout,
    stderr: exit.error ? `${output.stderr}${exit.error}` : output.stderr,
    timedOut,
    durationMs: Math.round(performance.now() - started),
  };
}

/** `node --test [files]`, or `node [node flags] <workspace script> [its args]`. */
function assertAllowed(command: string, args: string[]): void {
  if (command !== 'node') throw new Error(`runCommand runs only "node" (its tests or a workspace script), not ${JSON.stringify(command)}`);
  const script = args.find((arg) => !arg.startsWith('-'));
  // Refused with --test too: `node --test --import=data:…` would run code from no file at all.
  const forbidden = args.find((arg) => /^(-e|--eval|-p|--print|-r|--require|--import|--loader|--experimental-loader)(=|$)/.test(arg));
  if (forbidden) throw new Error(`runCommand does not pass ${forbidden} to node: run a workspace script instead`);
  if (args.includes('--test')) {
    for (const arg of args.filter((item) => !item.startsWith('-'))) workspacePathSegments(arg);
    return;
  }
  if (script === undefined) throw new Error('runCommand needs a workspace script to run with node (or --test)');
  // Refuses absolute paths and `..`, with a message.
  workspacePathSegments(script);
}
