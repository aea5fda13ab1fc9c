/**
 * The agent: runs inside a runtime's workspace (`node .agent/agent.mjs`) next to the learner's
 * server and speaks the JSON-lines protocol of protocol.ts on stdin/stdout. It must run
 * unchanged under real Node and inside a WebContainer: no native addons, nothing that exists
 * only on one platform without a fallback.
 */
import { readFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import type { LessonChecks } from '../checks/define.ts';
import { runChecks } from '../checks/run-checks.ts';
import { summarize } from '../checks/result.ts';
import { AGENT_PROTOCOL_VERSION, type AgentCommand, type AgentLessonConfig, type AgentMessage, type AgentReplyData } from './protocol.ts';
import { parseCommandLine } from './agent-commands.ts';
import { AgentEnvironment, loadSqlJs, readWorkspaceFile, sendToServer } from './agent-environment.ts';
import { LearnerServer } from './learner-server.ts';
import { CHECKS_MODULE, LESSON_CONFIG, UPSTREAM_CALLS, UPSTREAM_SCRIPT } from './workspace-paths.ts';
import { wrapSqlJsDatabase } from '../checks/sql-database.ts';

const root = process.cwd();
const REQUEST_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 5_000;

function emit(message: AgentMessage): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

// stdout carries protocol lines only: anything printed by a checks module goes to stderr.
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  console[method] = (...args: unknown[]) => process.stderr.write(`${format(...args)}\n`);
}

const lesson = await readLessonConfig();
// Fresh upstream state for this session: no script yet, no calls recorded.
writeFileSync(join(root, UPSTREAM_SCRIPT), JSON.stringify({ generation: 0, script: {} }));
writeFileSync(join(root, UPSTREAM_CALLS), '');
const server = new LearnerServer({
  cwd: root,
  command: lesson.start.command,
  args: lesson.start.args,
  startTimeoutMs: lesson.startTimeoutMs ?? START_TIMEOUT_MS,
  onOutput: (stream, text) => emit({ type: 'log', stream, text }),
  onStatus: (status) => emit({ type: 'server', status }),
});
const environment = new AgentEnvironment(root, lesson, server);

async function readLessonConfig(): Promise<AgentLessonConfig> {
  try {
    return JSON.parse(await readFile(join(root, LESSON_CONFIG), 'utf8')) as AgentLessonConfig;
  } catch (error) {
    process.stderr.write(`agent: cannot read ${LESSON_CONFIG}: ${String(error)}\n`);
    process.exit(2);
  }
}

async function loadChecks(): Promise<LessonChecks> {
  // A fresh URL each time: Node caches modules by URL, and the checks may have been rewritten.
  const url = `${pathToFileURL(join(root, CHECKS_MODULE)).href}?v=${Date.now()}`;
  const module = (await import(url)) as { default?: LessonChecks };
  if (!module.default) throw new Error(`${CHECKS_MODULE} has no default export: checks.ts must \`export default defineChecks({...})\``);
  return module.default;
}

/** Starts the server with the lesson's default upstream fakes in place. */
async function startServer(): Promise<AgentReplyData['start']> {
  if (lesson.kind !== 'server') return server.status();
  const checks = await loadChecks().catch(() => undefined);
  await environment.setUpstream(checks?.upstream ?? {});
  return server.start();
}

async function handle(command: AgentCommand, reply: (data: AgentReplyData[keyof AgentReplyData]) => void): Promise<void> {
  switch (command.type) {
    case 'hello':
      return reply({ version: AGENT_PROTOCOL_VERSION, node: process.version });
    case 'status':
      return reply(server.status());
    case 'start':
    case 'restart':
      return reply(await exclusive(startServer));
    case 'stop':
      return reply(await exclusive(() => server.stop()));
    case 'request': {
      const response = await sendToServer(server, command.request, REQUEST_TIMEOUT_MS, lesson);
      emit({ type: 'request-log', method: command.request.method ?? 'GET', path: command.request.path, status: response.status, durationMs: response.durationMs });
      return reply(response);
    }
    case 'check':
      return reply(
        await exclusive(async () => {
          const checks = await loadChecks();
          // A fresh server runs the learner's latest code from a known state.
          if (lesson.kind === 'server' && command.restart !== false) await startServer();
          const results = await runChecks(checks, environment, (result) => emit({ type: 'check-result', id: command.id, result }), command.only ? { only: command.only } : {});
          return summarize(results);
        }),
      );
    case 'db': {
      const bytes = await readWorkspaceFile(root, command.path);
      if (!bytes) throw new Error(`${command.path} does not exist in the workspace`);
      if (command.sql === undefined) return reply({ base64: Buffer.from(bytes).toString('base64') });
      const db = wrapSqlJsDatabase(new (await loadSqlJs()).Database(bytes));
      try {
        return reply({ results: db.exec(command.sql) });
      } finally {
        db.close();
      }
    }
  }
}

/** Commands that start, stop or check the server run one at a time, in order. */
let queue: Promise<unknown> = Promise.resolve();
function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

function onLine(line: string): void {
  if (line.trim() === '') return;
  const parsed = parseCommandLine(line);
  if (!parsed.ok) {
    emit({ type: 'reply', id: parsed.id, ok: false, error: parsed.error });
    return;
  }
  const { command } = parsed;
  handle(command, (data) => emit({ type: 'reply', id: command.id, ok: true, data })).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    emit({ type: 'reply', id: command.id, ok: false, error: message });
  });
}

let shuttingDown = false;
async function shutDown(): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  await server.stop();
  process.exit(0);
}

createInterface({ input: process.stdin }).on('line', onLine).on('close', () => void shutDown());
process.on('SIGTERM', () => void shutDown());
process.on('SIGINT', () => void shutDown());
// Whatever fails inside a command is replied to; anything escaping is still reported, never fatal.
process.on('unhandledRejection', (error) => process.stderr.write(`agent: unexpected error: ${String(error)}\n`));
// E.g. a checks module's stray timer throwing after its check ended: the agent keeps serving.
process.on('uncaughtException', (error) => process.stderr.write(`agent: unexpected error: ${error.stack ?? String(error)}\n`));
