/**
 * The local agents `lessons:verify` runs every variant through, reused: starting an agent (a
 * Node process, its runtime probes, a workspace) cost about as much as the run itself, and an
 * agent already serves lesson after lesson (the `lesson` command). At most `size` agents exist,
 * each with its own workspace; a run takes an idle one (or starts one while fewer exist), makes
 * its workspace hold exactly the variant's files, switches the agent to them and checks.
 *
 * A variant must never see an earlier one's state. The server is stopped before the workspace
 * is emptied (nothing writes into it meanwhile), every file but the `node_modules` link goes
 * (the server's database and uploads, the agent's clock and upstream files), and `lesson`
 * reloads the lesson, its checks in a new worker and fresh clock and upstream state before it
 * starts the new server. An agent that fails in any way (dies, times out, refuses a command)
 * is disposed and never reused: the next run starts a fresh one.
 */
import type { CheckRunSummary } from '../../checks/result.ts';
import type { FileTree } from '../../runtime/runtime.ts';
import { startLocalAgent, type LocalAgent } from '../local-workspace.ts';

/** A whole check run may not take longer than this (each check has its own, shorter limit); an assessment restarting its server for many checks on a busy CI machine needs minutes. */
const RUN_TIMEOUT_MS = 300_000;

export interface PoolRunOptions {
  /** Run only these checks (a mutant's `mustFail`). */
  only?: string[];
  /** Limit for each command of the run (default 300 s). */
  timeoutMs?: number;
}

export class AgentPool {
  private readonly idle: LocalAgent[] = [];
  /** Every agent started and not disposed, idle or busy. */
  private readonly agents = new Set<LocalAgent>();
  /** Agents being started: they count against the size before they exist. */
  private starting = 0;
  private readonly waiting: (() => void)[] = [];
  private disposed: Promise<void> | undefined;

  constructor(private readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`an agent pool needs a size of at least 1, got ${size}`);
  }

  /** Runs the checks of the lesson written in `files` (a whole workspace: learner files, `.agent/`) on a pooled agent. */
  async run(files: FileTree, options: PoolRunOptions = {}): Promise<CheckRunSummary> {
    const timeoutMs = options.timeoutMs ?? RUN_TIMEOUT_MS;
    const agent = await this.take(files, timeoutMs);
    try {
      await agent.client.switchLesson({ timeoutMs });
      // `lesson` has just started the server from these files, so the check runs on it as it
      // is, exactly as a `check` on a fresh agent runs on the one server it starts: a server
      // that crashed or never listened is graded as such, not given a second start.
      const summary = await agent.client.check(undefined, { ...(options.only ? { only: options.only } : {}), restart: false, timeoutMs });
      this.release(agent);
      return summary;
    } catch (error) {
      await this.discard(agent);
      throw error;
    }
  }

  /** Stops every agent (and its learner's server) and deletes their workspaces; later runs are refused. */
  dispose(): Promise<void> {
    this.disposed ??= (async () => {
      for (const wake of this.waiting.splice(0)) wake();
      const agents = [...this.agents];
      this.agents.clear();
      this.idle.length = 0;
      await Promise.all(agents.map((agent) => agent.dispose()));
    })();
    return this.disposed;
  }

  /** An agent whose workspace holds exactly `files`, its old server stopped; waits while all `size` agents are busy. */
  private async take(files: FileTree, timeoutMs: number): Promise<LocalAgent> {
    for (;;) {
      if (this.disposed) throw new Error('the agent pool has been disposed');
      const agent = this.idle.pop();
      if (agent) {
        try {
          if (agent.client.hasExited) throw new Error('the agent exited while idle');
          await agent.client.send({ type: 'stop' }, { timeoutMs });
          await agent.replaceFiles(files);
          return agent;
        } catch {
          // This agent is unusable, not the variant: its slot goes to a fresh agent (below).
          await this.discard(agent);
          continue;
        }
      }
      if (this.agents.size + this.starting < this.size) return this.start(files);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private async start(files: FileTree): Promise<LocalAgent> {
    this.starting += 1;
    let agent: LocalAgent;
    try {
      agent = await startLocalAgent(files);
    } catch (error) {
      this.starting -= 1;
      this.waiting.shift()?.(); // the slot is free again
      throw error;
    }
    this.starting -= 1;
    if (this.disposed) {
      await agent.dispose();
      throw new Error('the agent pool has been disposed');
    }
    this.agents.add(agent);
    return agent;
  }

  private release(agent: LocalAgent): void {
    if (this.disposed) return void agent.dispose();
    this.idle.push(agent);
    this.waiting.shift()?.();
  }

  private async discard(agent: LocalAgent): Promise<void> {
    this.agents.delete(agent);
    this.waiting.shift()?.();
    await agent.dispose();
  }
}
