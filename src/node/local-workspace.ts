/**
 * A lesson workspace on this machine, for the CLI and tests: a temp folder holding the
 * workspace files (node_modules linked to the read-only copy of the template's dependencies the
 * local runner uses too, never the repo's own), with the agent running in it under real Node
 * and an AgentClient talking to it.
 * `dispose` stops the agent (which stops the learner's server) and deletes the folder;
 * `replaceFiles` lets one agent serve another lesson or variant (the verify agent pool).
 */
import { spawn } from 'node:child_process';
import { readdir, readlink, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileTree } from '../runtime/runtime.ts';
import { AgentClient } from '../agent/client.ts';
import { AGENT_SCRIPT } from '../agent/workspace-paths.ts';
import { DEPENDENCIES_DIR } from '../runtime/workspace-path.ts';
import { childRuntimeProcess } from './child-runtime-process.ts';
import { prepareTemplateDependencies } from './runner/template-dependencies.ts';
import { Workspace } from './runner/workspace.ts';

/** How long the agent gets to stop the learner's server before its whole tree is killed. */
const GRACEFUL_EXIT_MS = 2000;

export interface LocalAgent {
  client: AgentClient;
  /** The workspace folder (absolute). */
  root: string;
  /**
   * Makes the workspace hold exactly `files` and the `node_modules` link: everything else goes,
   * whoever wrote it (a database, uploads, the agent's clock and upstream files). For switching
   * the agent to another lesson (`lesson` command) with the learner's server stopped first, so
   * nothing writes into the folder meanwhile.
   */
  replaceFiles(files: FileTree): Promise<void>;
  dispose(): Promise<void>;
}

/** Removes every entry of `root` but the `node_modules` link, which is put back if learner code replaced it. */
async function clearWorkspace(root: string, nodeModules: string): Promise<void> {
  const link = join(root, DEPENDENCIES_DIR);
  const entries = await readdir(root);
  // rm removes a symlink itself, never what it points to.
  const gone = { recursive: true, force: true, maxRetries: 5, retryDelay: 100 };
  await Promise.all(entries.filter((name) => name !== DEPENDENCIES_DIR).map((name) => rm(join(root, name), gone)));
  if ((await readlink(link).catch(() => undefined)) !== nodeModules) {
    await rm(link, gone);
    await symlink(nodeModules, link, 'dir');
  }
}

/**
 * This process's environment without NODE_ENV: the learner's server (the agent's child) runs
 * as the local runner starts it, where NODE_ENV is unset unless a check sets it. A NODE_ENV
 * inherited from the caller — Vite sets `production` in a process that builds, as the bench
 * does before timing lessons:verify — made every lesson with a production-only rule (a missing
 * secret refuses to start) fail its solution.
 */
function learnerEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_ENV;
  return env;
}

export async function startLocalAgent(files: FileTree): Promise<LocalAgent> {
  const nodeModules = await prepareTemplateDependencies();
  const workspace = await Workspace.create({ nodeModules, template: {} });
  try {
    await workspace.mount(Object.entries(files));
  } catch (error) {
    await workspace.dispose();
    throw error;
  }
  const child = spawn(process.execPath, [AGENT_SCRIPT], { cwd: workspace.root, detached: true, stdio: 'pipe', env: learnerEnvironment() });
  const runtimeProcess = childRuntimeProcess(child);
  const client = new AgentClient(runtimeProcess);
  // If this process dies first, take the agent and the folder along.
  const onExit = (): void => {
    runtimeProcess.kill();
    workspace.disposeSync();
  };
  process.once('exit', onExit);
  let disposed: Promise<void> | undefined;
  return {
    client,
    root: workspace.root,
    async replaceFiles(next) {
      await clearWorkspace(workspace.root, nodeModules);
      await workspace.mount(Object.entries(next));
    },
    dispose() {
      disposed ??= (async () => {
        process.off('exit', onExit);
        await client.dispose(GRACEFUL_EXIT_MS);
        await workspace.dispose();
      })();
      return disposed;
    },
  };
}
