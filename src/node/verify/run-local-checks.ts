/**
 * Runs a lesson's checks once against a set of workspace files, in a throwaway local
 * workspace: the path `lessons:verify` and the engine tests take through the real agent.
 */
import type { FileTree } from '../../runtime/runtime.ts';
import type { CheckResult, CheckRunSummary } from '../../checks/result.ts';
import { startLocalAgent } from '../local-workspace.ts';

/** A whole check run may not take longer than this (each check has its own, shorter limit); an assessment restarting its server for many checks on a busy CI machine needs minutes. */
const RUN_TIMEOUT_MS = 300_000;

export async function runChecksLocally(files: FileTree, onResult?: (result: CheckResult) => void, options: { only?: string[] } = {}): Promise<CheckRunSummary> {
  const agent = await startLocalAgent(files);
  try {
    return await agent.client.check(onResult, { ...options, timeoutMs: RUN_TIMEOUT_MS });
  } finally {
    await agent.dispose();
  }
}
