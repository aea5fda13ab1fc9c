/**
 * Plays `node` in the WebContainer fake for the page's agent (`node .agent/agent.mjs`) and the
 * learner servers it starts, so page code can be run against the fake and its processes
 * counted. It speaks the part of the agent protocol (src/agent/protocol.ts) the page uses —
 * start, restart, stop, lesson, status, check, shutdown — and, like the real agent
 * (src/agent/learner-server.ts), starts the learner's server as its own child: the fake's
 * `kill()` ends only the process it is called on, so a server survives an agent that is
 * killed instead of shut down, as it may in a real WebContainer.
 */
import type { AgentLessonConfig, ServerStatus } from '../../src/agent/protocol.ts';
import { AGENT_SCRIPT, LESSON_CONFIG } from '../../src/agent/workspace-paths.ts';
import type { FakeChildProcess, FakeProgram, FakeWebContainer } from './webcontainer-fake.ts';

export interface FakeAgentOptions {
  /** An agent that never answers `shutdown` (hung in a check): the page must kill it. */
  ignoreShutdown?: boolean;
}

export interface FakeAgentNode {
  program: FakeProgram;
  /** Every command type each agent received, one list per agent started, in order. */
  commands: string[][];
}

const untilKilled = (signal: AbortSignal) => new Promise<number>((done) => signal.addEventListener('abort', () => done(137)));

export function fakeAgentNode(options: FakeAgentOptions = {}): FakeAgentNode {
  const commands: string[][] = [];
  const program: FakeProgram = async (context) => {
    const [script] = context.args;
    if (script !== AGENT_SCRIPT) {
      // A learner's server: listens until it is killed.
      context.listen(Number(context.env.PORT ?? 3000));
      return untilKilled(context.signal);
    }
    const received: string[] = [];
    commands.push(received);
    const readLesson = async () => JSON.parse(await context.fs.readFile(LESSON_CONFIG, 'utf8')) as AgentLessonConfig;
    let lesson = await readLesson();
    let server: FakeChildProcess | undefined;
    const stopServer = async (): Promise<ServerStatus> => {
      server?.kill();
      await server?.exit;
      server = undefined;
      return { state: 'stopped', port: lesson.port };
    };
    const startServer = async (): Promise<ServerStatus> => {
      await stopServer();
      if (lesson.kind !== 'server') return { state: 'stopped', port: lesson.port };
      server = context.spawn(lesson.start.command, lesson.start.args);
      return { state: 'running', port: lesson.port };
    };
    const reply = (id: number, data: unknown) => context.write(`${JSON.stringify({ type: 'reply', id, ok: true, data })}\n`);
    for await (const line of context.stdin) {
      const command = JSON.parse(line) as { id: number; type: string };
      received.push(command.type);
      switch (command.type) {
        case 'start':
        case 'restart':
          reply(command.id, await startServer());
          break;
        case 'stop':
          reply(command.id, await stopServer());
          break;
        case 'lesson':
          await stopServer();
          lesson = await readLesson();
          reply(command.id, await startServer());
          break;
        case 'status':
          reply(command.id, { state: server ? 'running' : 'stopped', port: lesson.port });
          break;
        case 'check':
          reply(command.id, { passed: 0, failed: 0, results: [] });
          break;
        case 'shutdown':
          if (options.ignoreShutdown) break;
          await stopServer();
          reply(command.id, {});
          return 0;
      }
    }
    return untilKilled(context.signal);
  };
  return { program, commands };
}

/** The agents and learner servers running in the fake container now. */
export function countAgentProcesses(container: FakeWebContainer): { agents: number; servers: number } {
  const nodes = container.runningProcesses().filter((process) => process.command === 'node');
  const agents = nodes.filter((process) => process.args[0] === AGENT_SCRIPT).length;
  return { agents, servers: nodes.length - agents };
}
