/**
 * The verify agent pool with real agents in real Node: a reused agent gives each variant a
 * clean workspace, clock and server; an agent that dies mid-run is replaced; disposing the
 * pool leaves no process behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckRunSummary } from '../../checks/result.ts';
import { fixtureText, fixtureWorkspace } from '../../../tests/fixtures/engine/fixture-workspace.ts';
import { AgentPool } from './agent-pool.ts';

const isolation = (files: Record<string, string>) => fixtureWorkspace({ checks: 'isolation/checks.ts', files: { 'server.js': fixtureText('isolation/server.js'), ...files } });

const statuses = (summary: CheckRunSummary) => summary.results.map((r) => `${r.id}:${r.status}`);

/** The agent's and the server's process ids and whether the server saw first-only.txt, which the fixture's `pids` check reports as its message. */
function pids(summary: CheckRunSummary): { agent: number; server: number; firstOnly: boolean } {
  const [agent, server, firstOnly] = (summary.results.find((r) => r.id === 'pids')?.message ?? '').split(' ');
  if (!Number(agent) || !Number(server)) throw new Error(`no pids in ${JSON.stringify(summary.results)}`);
  return { agent: Number(agent), server: Number(server), firstOnly: firstOnly === 'true' };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let pool: AgentPool | undefined;
afterEach(async () => {
  await pool?.dispose();
  pool = undefined;
});

describe('AgentPool', () => {
  it('runs consecutive variants on one agent without sharing files, clock or server', async () => {
    pool = new AgentPool(1);
    const first = await pool.run(await isolation({ 'first-only.txt': 'only in the first variant' }));
    const second = await pool.run(await isolation({}));
    // The first variant's server wrote files and its last check moved the clock a day ahead.
    expect(statuses(first)).toEqual(['clean-start:pass', 'pids:fail']);
    expect(statuses(second)).toEqual(['clean-start:pass', 'pids:fail']);
    expect(pids(first).firstOnly).toBe(true);
    expect(pids(second).firstOnly).toBe(false);
    expect(pids(second).agent).toBe(pids(first).agent);
    expect(pids(second).server).not.toBe(pids(first).server);
    expect(alive(pids(first).server)).toBe(false);
  }, 60_000);

  it('runs only the named checks', async () => {
    pool = new AgentPool(1);
    expect(statuses(await pool.run(await isolation({}), { only: ['clean-start'] }))).toEqual(['clean-start:pass']);
  }, 60_000);

  it('reports an agent that dies mid-run, then runs the next variant on a fresh agent', async () => {
    pool = new AgentPool(1);
    const before = pids(await pool.run(await isolation({})));
    await expect(pool.run(await isolation({ 'server.js': fixtureText('isolation/kills-agent.js') }))).rejects.toThrow(/The agent stopped/);
    const after = await pool.run(await isolation({}));
    expect(statuses(after)).toEqual(['clean-start:pass', 'pids:fail']);
    expect(pids(after).agent).not.toBe(before.agent);
    expect(alive(before.agent)).toBe(false);
  }, 60_000);

  it('replaces an agent that did not answer in time', async () => {
    pool = new AgentPool(1);
    const before = pids(await pool.run(await isolation({})));
    await expect(pool.run(await isolation({}), { timeoutMs: 1 })).rejects.toThrow(/did not answer "lesson"/);
    const after = pids(await pool.run(await isolation({})));
    expect(after.agent).not.toBe(before.agent);
    expect(alive(before.agent)).toBe(false);
  }, 60_000);

  it('runs at most `size` agents at once, and leaves no process after dispose', async () => {
    pool = new AgentPool(2);
    const files = await isolation({});
    const summaries = await Promise.all([1, 2, 3, 4].map(() => pool!.run(files)));
    const agents = new Set(summaries.map((summary) => pids(summary).agent));
    expect(agents.size).toBeLessThanOrEqual(2);
    const servers = summaries.map((summary) => pids(summary).server);
    await pool.dispose();
    expect([...agents, ...servers].filter(alive)).toEqual([]);
    await expect(pool.run(files)).rejects.toThrow(/disposed/);
  }, 60_000);
});
