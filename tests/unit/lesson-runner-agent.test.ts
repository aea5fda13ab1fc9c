/**
 * The page keeps one agent per runtime (issues 17 and 20): the lesson runner, over the
 * WebContainer adapter on the faithful fake — where closing a process's input does nothing and
 * killing an agent leaves its children running — switches lessons without leaking agents or
 * learner servers, and ends an agent with `shutdown`, then `kill()`, when its runtime is replaced.
 * The counts are the processes the fake container really has running.
 */
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/lessons/types.ts';
import type { Runtime } from '../../src/runtime/runtime.ts';
import { WebContainerRuntime } from '../../src/runtime/webcontainer-runtime.ts';
import { LessonRunner } from '../../src/app/state/lesson-runner.ts';
import { fakeDependencies } from '../support/fake-dependencies.ts';
import { memoryStorage } from '../support/memory-storage.ts';
import { createFakeWebContainerApi, type FakeWebContainer } from '../support/webcontainer-fake.ts';
import { countAgentProcesses, fakeAgentNode, type FakeAgentOptions } from '../support/webcontainer-fake-agent.ts';

/** The parts of a Lesson the runner and the workspace builder read (the rest is UI data). */
function lesson(index: number, kind: 'server' | 'sql' = 'server'): Lesson {
  return {
    id: `track/lesson-${index}`,
    checksModule: 'export default { checks: [] };',
    meta: { kind, start: { command: 'node', args: [`server-${index}.js`] }, env: {}, port: 3000 },
  } as unknown as Lesson;
}

const filesOf = (index: number) => ({ [`server-${index}.js`]: `// lesson ${index}`, [`notes-${index}.md`]: 'notes' });

const GRACE_MS = 100;

interface Page {
  container: FakeWebContainer;
  runner: LessonRunner;
  agentCommands: string[][];
  /** Opens a lesson the way the workspace store does: the previous lesson's work is aborted first. */
  open(index: number, kind?: 'server' | 'sql'): void;
  /** Points the runner at another runtime, as "Try WebContainers again" does. */
  useRuntime(runtime: Runtime): void;
  boot(): Promise<WebContainerRuntime>;
}

async function openPage(agent: FakeAgentOptions = {}): Promise<Page> {
  const node = fakeAgentNode(agent);
  const api = createFakeWebContainerApi({ programs: { node: node.program } });
  const boot = () => WebContainerRuntime.boot({ load: async () => api, template: { 'package.json': '{}' }, bootTimeoutMs: 1000, dependencies: fakeDependencies(), memory: memoryStorage() });
  let runtime: Runtime = await boot();
  let files: Record<string, string> = {};
  let work = new AbortController();
  const runner = new LessonRunner(() => files, {
    runtime: async () => runtime,
    runtimeFiles: async () => ({ '.agent/agent.mjs': '// the agent bundle' }),
    shutdownGraceMs: GRACE_MS,
  });
  const page: Page = {
    container: api.instance!,
    runner,
    agentCommands: node.commands,
    open(index, kind = 'server') {
      work.abort();
      work = new AbortController();
      runner.stop();
      files = filesOf(index);
      runner.start(lesson(index, kind), work.signal);
    },
    useRuntime: (next) => void (runtime = next),
    boot,
  };
  return page;
}

async function until(what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const running = (page: Page) => until('the server running', () => page.runner.server.value.state === 'running');

describe('the page keeps one agent', () => {
  it('switching ten lessons leaves exactly one agent and at most one learner server running', async () => {
    const page = await openPage();
    for (let index = 1; index <= 10; index += 1) {
      page.open(index);
      await running(page);
      expect(countAgentProcesses(page.container)).toEqual({ agents: 1, servers: 1 });
    }
    // One agent, started once and switched nine times: no agent was spawned per lesson.
    expect(page.agentCommands).toEqual([['start', ...Array<string>(9).fill('lesson')]]);
    expect(page.container.spawned.filter((spawn) => spawn.args[0] === '.agent/agent.mjs')).toHaveLength(1);
    // The previous lessons' files are gone; the agent and the dependencies stay.
    expect((await page.container.fs.readdir('.')).sort()).toEqual(['.agent', 'node_modules', 'notes-10.md', 'package.json', 'server-10.js']);
    expect(await page.container.fs.readFile('.agent/lesson.json', 'utf8')).toContain('track/lesson-10');
  });

  it('clicking through ten lessons without waiting opens only the last, in the one agent', async () => {
    const page = await openPage();
    page.open(0);
    await running(page);
    for (let index = 1; index <= 10; index += 1) page.open(index);
    await running(page);
    // Lessons left before their turn were never mounted: one switch, to the last.
    expect(page.agentCommands).toEqual([['start', 'lesson']]);
    expect(countAgentProcesses(page.container)).toEqual({ agents: 1, servers: 1 });
    expect(await page.container.fs.readFile('.agent/lesson.json', 'utf8')).toContain('track/lesson-10');
  });

  it('a sql lesson or leaving the workspace stops the learner server and keeps the agent for the next server lesson', async () => {
    const page = await openPage();
    page.open(1);
    await running(page);
    page.open(2, 'sql');
    await until('the server stopped', () => countAgentProcesses(page.container).servers === 0);
    expect(countAgentProcesses(page.container)).toEqual({ agents: 1, servers: 0 });
    page.open(3);
    await running(page);
    await page.runner.leave();
    expect(countAgentProcesses(page.container)).toEqual({ agents: 1, servers: 0 });
    expect(page.agentCommands).toEqual([['start', 'stop', 'lesson', 'stop']]);
  });
});

describe('an agent that must go is shut down, then killed', () => {
  it('runtime replaced: the old agent gets `shutdown`, stops its server and is gone; the lesson runs in the new runtime', async () => {
    const page = await openPage();
    page.open(1);
    await running(page);
    page.useRuntime(await page.boot());
    await page.runner.rebootInNewRuntime();
    expect(page.agentCommands[0]).toEqual(['start', 'shutdown']);
    await running(page);
    expect(page.agentCommands).toHaveLength(2);
    expect(page.agentCommands[1]).toEqual(['start']);
    expect(countAgentProcesses(page.container)).toEqual({ agents: 1, servers: 1 });
  });

  it('runtime replaced: an agent that does not answer `shutdown` is killed after the grace period (closing its input would do nothing)', async () => {
    const page = await openPage({ ignoreShutdown: true });
    page.open(1);
    await running(page);
    const started = Date.now();
    page.useRuntime(await page.boot());
    await page.runner.rebootInNewRuntime();
    expect(Date.now() - started).toBeGreaterThanOrEqual(GRACE_MS - 5);
    expect(page.agentCommands[0]).toEqual(['start', 'shutdown']);
    await running(page);
    // The killed agent is gone. Its server outlives it (kill() ends one process in a WebContainer):
    // that is why `shutdown` comes first, and why the agent answers it before anything slow.
    expect(countAgentProcesses(page.container)).toEqual({ agents: 1, servers: 2 });
  });
});
