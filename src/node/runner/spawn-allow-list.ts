/**
 * What a page may start through the runner: `node` on a script inside its workspace (the app
 * only ever needs `node .agent/agent.mjs`), or `node --test` on workspace files, as lessons
 * declare — never a shell, `-e` code, a preload (`--require`, `--import`, `--loader`), an
 * inspector, or any other program. The environment is built here: the few variables the server
 * passes on, plus the page's own variables unless they steer Node or the loader (`NODE_OPTIONS`,
 * `LD_PRELOAD`, `PATH`…), which are refused rather than silently dropped so a mistake shows.
 */
import { posix } from 'node:path';
import { WorkspacePathError } from '../../runtime/workspace-path.ts';
import type { Workspace } from './workspace.ts';

/** Options that only shape how Node runs the script or reports tests. */
const ALLOWED_OPTIONS = [/^--test$/, /^--test-only$/, /^--test-reporter=[\w-]+$/, /^--test-name-pattern=.*$/, /^--enable-source-maps$/, /^--no-warnings$/];
/** What the server passes on from its own environment: enough to find programs, nothing else. */
const INHERITED_ENV = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SYSTEMROOT'];
const REFUSED_ENV = [/^PATH$/i, /^NODE_(?!ENV$)/i, /^LD_/i, /^DYLD_/i, /^BASH_ENV$/i, /^ENV$/i, /^SHELL$/i, /^HOME$/i, /^TMPDIR$/i];
/** Marks every process the runner starts, so a later start can find what an earlier one left. */
export const RUNNER_OWNER_ENV = 'BACKEND_PLAYGROUND_RUNNER_PID';

export interface SpawnPlan {
  /** Arguments for Node (the executable itself is chosen by the containment). */
  args: string[];
  /** Absolute working directory inside the workspace. */
  cwd: string;
  env: Record<string, string>;
}

export interface SpawnRequest {
  command: string;
  args: string[];
  /** Workspace-relative working directory ('' = the workspace). */
  cwd: string;
  env: Record<string, string>;
}

class SpawnRefused extends Error {}

function runnerEnvironment(pageEnv: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED_ENV) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  for (const [name, value] of Object.entries(pageEnv)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || REFUSED_ENV.some((pattern) => pattern.test(name)) || name === RUNNER_OWNER_ENV) {
      throw new SpawnRefused(`The local runner does not let a page set the environment variable ${JSON.stringify(name)}.`);
    }
    env[name] = value;
  }
  env[RUNNER_OWNER_ENV] = String(process.pid);
  return env;
}

/** A workspace file named relative to `cwd`, as an absolute path; it must exist. */
async function workspaceFile(workspace: Workspace, cwd: string, name: string): Promise<string> {
  if (posix.isAbsolute(name)) throw new SpawnRefused(`"${name}" is an absolute path; the local runner only runs scripts inside the workspace.`);
  const path = posix.join(cwd, name);
  try {
    return await workspace.existingFile(path);
  } catch (error) {
    if (error instanceof WorkspacePathError) throw new SpawnRefused(`The local runner only runs scripts inside the workspace: ${error.message}`);
    throw error;
  }
}

/** Checks a spawn request against the allow-list and returns what to run, or throws why not. */
export async function allowedSpawn(request: SpawnRequest, workspace: Workspace): Promise<SpawnPlan> {
  if (request.command !== 'node') {
    throw new SpawnRefused(`The local runner only starts "node" with a script in the workspace; "${request.command}" is not allowed.`);
  }
  const cwd = await workspace.directory(request.cwd);
  const env = runnerEnvironment(request.env);
  const args: string[] = [];
  let index = 0;
  for (; index < request.args.length; index++) {
    const arg = request.args[index] ?? '';
    if (!arg.startsWith('-')) break;
    if (!ALLOWED_OPTIONS.some((pattern) => pattern.test(arg))) {
      throw new SpawnRefused(`The local runner does not pass the Node option "${arg}"; it runs scripts in the workspace (e.g. \`node server.js\` or \`node --test\`).`);
    }
    args.push(arg);
  }
  const testing = args.includes('--test');
  const rest = request.args.slice(index);
  const [script, ...scriptArgs] = rest;
  if (testing) {
    // `node --test [files…]`: every named file must be a workspace file.
    for (const file of rest) args.push(await workspaceFile(workspace, request.cwd, file));
  } else {
    if (script === undefined) throw new SpawnRefused('The local runner needs a script to run: `node <file in the workspace>`.');
    args.push(await workspaceFile(workspace, request.cwd, script), ...scriptArgs);
  }
  return { args, cwd, env };
}
