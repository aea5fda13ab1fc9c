/**
 * A lesson workspace on this machine, for the CLI and tests: a temp folder holding the
 * workspace files (node_modules linked to the read-only copy of the template's dependencies the
 * local runner uses too, never the repo's own), with the agent running in it under real Node
 * and an AgentClient talking to it.
 * `dispose` stops the agent (which stops the learner's server) and deletes the folder.
 */
import { spawn } from 'node:child_process';
import type { FileTree } from '../runtime/runtime.ts';
import { AgentClient } from '../agent/client.ts';
import { AGENT_SCRIPT } from '../agent/workspace-paths.ts';
import { childRuntimeProcess } from './child-runtime-process.ts';
import { prepareTemplateDependencies } from './runner/template-dependencies.ts';
import { Workspace } from './runner/workspace.ts';

/** How long the agent gets to stop the learner's server before its whole tree is killed. */
const GRACEFUL_EXIT_MS = 2000;

export interface LocalAgent {
  client: AgentClient;
  /** The workspace folder (absolute). */
  root: string;
  dispose(): Promise<void>;
}

export async function startLocalAgent(files: FileTree): Promise<LocalAgent> {
  const workspace = await Workspace.create({ nodeModules: await prepareTemplateDependencies(), template: {} });
  try {
    await workspace.mount(Object.entries(files));
  } catch (error) {
    await workspace.dispose();
    throw error;
  }
  const child = spawn(process.execPath, [AGENT_SCRIPT], { cwd: workspace.root, detached: true, stdio: 'pipe' });
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
