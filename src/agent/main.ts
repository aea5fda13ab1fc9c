/**
 * The agent: runs inside a runtime's workspace (`node .agent/agent.mjs`) next to the learner's
 * server and speaks the JSON-lines protocol of protocol.ts on stdin/stdout. It must run
 * unchanged under real Node and inside a WebContainer: no native addons, nothing that exists
 * only on one platform without a fallback (runtime-probe.ts checks what this Node can do).
 *
 * One agent serves lesson after lesson (`lesson` command). The lesson's checks run in a
 * worker thread (check-worker-host.ts), so this thread always stays free to answer, to stop
 * the server and to shut down.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { format } from 'node:util';
import { summarize } from '../checks/result.ts';
import { wrapSqlJsDatabase } from '../checks/sql-database.ts';
import { errorText } from '../shared/error-text.ts';
import { parseCommandLine } from './agent-commands.ts';
import { AgentEnvironment, loadSqlJs, readWorkspaceFile, sendToServer } from './agent-environment.ts';
import { asciiJson } from './ascii-json.ts';
import { CheckWorkerHost } from './check-worker-host.ts';
import { LearnerServer, type ServerLaunch } from './learner-server.ts';
import { removeLeftoverFiles } from './leftover-files.ts';
import { AGENT_PROTOCOL_VERSION, type AgentCommand, type AgentLessonConfig, type AgentMessage, type AgentReplyData, type RuntimeFeatures, type ServerStatus } from './protocol.ts';
import { BASELINE_COMPILER_FLAGS, probeRuntime, type RuntimeProbe } from './runtime-probe.ts';
import { ServerClock } from './server-clock.ts';
import { LESSON_CONFIG, UPSTREAM_CALLS, UPSTREAM_SCRIPT } from './workspace-paths.ts';

const root = process.cwd();
const REQUEST_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 5_000;

function emit(message: AgentMessage, then?: () => void): void {
  process.stdout.write(`${asciiJson(message)}\n`, then);
}

// stdout carries protocol lines only: anything printed by the agent's own code goes to stderr.
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  console[method] = (...args: unknown[]) => process.stderr.write(`${format(...args)}\n`);
}

// Until a probe answers, the usual path; requests and checks wait for the (quick) loopback probe.
let features: RuntimeFeatures = { preload: 'require', kill: 'group', loopback: 'fetch', compilers: 'default' };
let probe: RuntimeProbe | undefined;
/**
 * The probes start on first need, or once the first server is running: the kill probe spawns a
 * Node process, which on a 2-core machine slowed the learner's first server start.
 */
function runtimeProbe(): RuntimeProbe {
  if (!probe) {
    probe = probeRuntime();
    void probe.loopback.then((loopback) => void (features = { ...features, loopback }));
    void probe.kill.then((kill) => void (features = { ...features, kill }));
    void probe.compilers.then((compilers) => void (features = { ...features, compilers }));
  }
  return probe;
}
const probed = async (): Promise<void> => void (await runtimeProbe().loopback);

const server = new LearnerServer({
  cwd: root,
  // A stop while the kill probe runs waits for its answer; before any probe, the usual path.
  killMode: async () => (probe ? await probe.kill : features.kill),
  // Known after the probe: the first server of an agent starts with V8's defaults.
  nodeFlags: () => (features.compilers === 'baseline' ? BASELINE_COMPILER_FLAGS : []),
  onOutput: (stream, text) => {
    emit({ type: 'log', stream, text });
    session?.checks.forwardOutput(text);
  },
  onStatus: (status) => emit({ type: 'server', status }),
});
const clock = new ServerClock(root, () => server.status().state === 'running');

/** The lesson being served, with its check environment and checks worker. */
interface Session {
  lesson: AgentLessonConfig;
  environment: AgentEnvironment;
  checks: CheckWorkerHost;
}
let session: Session | undefined;

async function openLesson(): Promise<Session> {
  let lesson: AgentLessonConfig;
  try {
    lesson = JSON.parse(await readFile(join(root, LESSON_CONFIG), 'utf8')) as AgentLessonConfig;
  } catch (error) {
    throw new Error(`cannot read ${LESSON_CONFIG}: ${errorText(error)}`);
  }
  // Nothing an earlier lesson's server wrote; fresh upstream state: no script yet, no calls recorded; the real time.
  if (lesson.files) await removeLeftoverFiles(root, lesson.files);
  await writeFile(join(root, UPSTREAM_SCRIPT), JSON.stringify({ generation: 0, script: {} }));
  await writeFile(join(root, UPSTREAM_CALLS), '');
  await clock.init();
  const environment = new AgentEnvironment({ root, lesson, server, clock, features: () => features });
  const checks = new CheckWorkerHost({ root, lesson, environment });
  if (lesson.kind === 'server') server.configure(launchOf(lesson, false));
  return { lesson, environment, checks };
}

function launchOf(lesson: AgentLessonConfig, mockUpstream: boolean): ServerLaunch {
  return { command: lesson.start.command, args: lesson.start.args, startTimeoutMs: lesson.startTimeoutMs ?? START_TIMEOUT_MS, mockUpstream, ...(lesson.env ? { env: lesson.env } : {}) };
}

function current(): Session {
  if (!session) throw new Error(`the agent has no lesson: ${LESSON_CONFIG} could not be read`);
  return session;
}

/** Starts the server with the lesson's default upstream fakes in place (MSW only when its checks use upstreams). */
async function startServer(): Promise<ServerStatus> {
  const { lesson, environment, checks } = current();
  if (lesson.kind !== 'server') return server.status();
  // What the checks need of upstream fakes comes from the build: the server starts without
  // waiting for the checks module (and a broken one cannot keep it from starting).
  server.configure(launchOf(lesson, lesson.upstream.mock));
  await environment.setUpstream(lesson.upstream.script);
  const status = await server.start();
  // Now that the server runs, the work that would have competed with its start: the probes,
  // and the checks worker for the first Check.
  runtimeProbe();
  void checks.info().catch(() => undefined);
  return status;
}

async function switchLesson(): Promise<ServerStatus> {
  await server.stop();
  await session?.checks.dispose();
  session = undefined;
  session = await openLesson();
  return startServer();
}

async function handle(command: AgentCommand, reply: (data: AgentReplyData[keyof AgentReplyData]) => void): Promise<void> {
  switch (command.type) {
    case 'hello':
      return reply({ version: AGENT_PROTOCOL_VERSION, node: process.version, features: await runtimeProbe().all });
    case 'status':
      return reply(server.status());
    case 'start':
    case 'restart':
      return reply(await exclusive(startServer));
    case 'stop':
      return reply(await exclusive(() => server.stop()));
    case 'lesson':
      return reply(await exclusive(switchLesson));
    case 'shutdown':
      return exclusive(async () => {
        await stopEverything();
        emit({ type: 'reply', id: command.id, ok: true, data: {} }, () => process.exit(0));
      });
    case 'request': {
      await probed();
      const response = await sendToServer(server, command.request, REQUEST_TIMEOUT_MS, current().lesson, features);
      emit({ type: 'request-log', method: command.request.method ?? 'GET', path: command.request.path, status: response.status, durationMs: response.durationMs });
      return reply(response);
    }
    case 'check':
      return reply(
        await exclusive(async () => {
          await probed();
          const { lesson, checks } = current();
          // The learner's latest code from a known state: restart, unless the server is provably there already.
          if (lesson.kind === 'server' && command.restart !== false && !(await server.runsSavedFilesFresh())) await startServer();
          const results = await checks.run(command.only, (result) => emit({ type: 'check-result', id: command.id, result }));
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

/** Commands that start, stop, check or switch run one at a time, in order. */
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
    emit({ type: 'reply', id: command.id, ok: false, error: errorText(error) });
  });
}

async function stopEverything(): Promise<void> {
  // The probes' own processes end with them, within their timeout.
  await Promise.all([server.stop(), session?.checks.dispose(), probe?.all]);
}

let shuttingDown = false;
/** Stopping the server and the check workers normally takes milliseconds; past this, exit regardless. */
const SHUTDOWN_DEADLINE_MS = 5000;
async function shutDown(): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  setTimeout(() => process.exit(0), SHUTDOWN_DEADLINE_MS).unref();
  await stopEverything().catch(() => undefined);
  process.exit(0);
}

/**
 * The page or CLI that drove this agent is gone when writing to it fails with EPIPE: shut down.
 * Without this, each failed write of an error report raised another error — an orphaned agent
 * spinning at full CPU (seen after a killed `lessons:verify`).
 */
function isBrokenPipe(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (isBrokenPipe(error)) void shutDown();
  });
}

try {
  session = await openLesson();
} catch (error) {
  process.stderr.write(`agent: ${errorText(error)}\n`);
  process.exit(2);
}
createInterface({ input: process.stdin }).on('line', onLine).on('close', () => void shutDown());
process.on('SIGTERM', () => void shutDown());
process.on('SIGINT', () => void shutDown());
// Whatever fails inside a command is replied to; anything escaping is still reported, never fatal.
process.on('unhandledRejection', (error) => {
  if (isBrokenPipe(error)) return void shutDown();
  process.stderr.write(`agent: unexpected error: ${errorText(error)}\n`);
});
process.on('uncaughtException', (error) => {
  if (isBrokenPipe(error)) return void shutDown();
  process.stderr.write(`agent: unexpected error: ${error.stack ?? error.message}\n`);
});
