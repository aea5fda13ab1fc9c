/**
 * The page's one agent in one runtime, and the lesson files it serves. Node starts slowly in a
 * WebContainer, so the agent is spawned once, with the first server lesson, and serves lesson
 * after lesson: a switch removes the previous lesson's files (never the agent or the
 * dependencies), mounts the next lesson's and sends `lesson`, which restarts only the learner's
 * server. The agent goes only when it must (its runtime is replaced, it stopped answering, the
 * page goes away), and then with `shutdown` followed by `kill()` after a grace period
 * (AgentClient.dispose): closing a process's input sends nothing to it in a WebContainer.
 *
 * Callers run one operation at a time (the lesson runner queues them).
 */
import type { AgentClient, AgentEvent } from '../../agent/client.ts';
import type { ServerStatus } from '../../agent/protocol.ts';
import type { Lesson } from '../../lessons/types.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import type { FileSet } from './lesson-files-store.ts';
import { MountedFiles } from './mounted-files.ts';

/** The agent's own files and the template's package.json (`virtual:agent`), mounted once per runtime. */
export type LoadRuntimeFiles = () => Promise<Record<string, string>>;

export interface PageAgentOptions {
  runtimeFiles: LoadRuntimeFiles;
  onEvent(event: AgentEvent): void;
  /** The agent process ended without being asked to (a crash); the next `open` starts a new one. */
  onExit(code: number): void;
  /** How long `shutdown` may take before the process is killed (AgentClient's default otherwise). */
  shutdownGraceMs?: number;
}

/**
 * A switch stops the old server and starts the new one (the agent's start deadline is 5 s by
 * default, a lesson may ask for more): an agent silent for this long is stuck and is replaced.
 */
const SWITCH_TIMEOUT_MS = 60_000;

export class PageAgent {
  readonly #mounted = new MountedFiles();
  #client: AgentClient | undefined;
  #runtimeFilesMounted = false;
  #disposed = false;

  constructor(
    readonly runtime: Runtime,
    private readonly options: PageAgentOptions,
  ) {}

  /** The running agent, if any (none before the first server lesson, after a crash or after dispose). */
  get client(): AgentClient | undefined {
    return this.#client;
  }

  /**
   * Puts `lesson` with the learner's `files` into the runtime and has the agent serve it:
   * spawned and sent `start` the first time, sent `lesson` afterwards. Resolves with the
   * learner's server status.
   */
  async open(lesson: Lesson, files: FileSet): Promise<ServerStatus> {
    this.#assertLive();
    const [{ workspaceFiles }, runtimeFiles] = await Promise.all([import('../../agent/workspace-files.ts'), this.#runtimeFilesMounted ? {} : this.options.runtimeFiles()]);
    await this.#mounted.removeAll(this.runtime);
    await this.runtime.mount(workspaceFiles(lesson, files, runtimeFiles));
    this.#runtimeFilesMounted = true;
    this.#mounted.mounted(files);
    const client = this.#client;
    if (!client) return (await this.#spawn()).send({ type: 'start' });
    try {
      return await client.switchLesson({ timeoutMs: SWITCH_TIMEOUT_MS });
    } catch (error) {
      if (client.hasExited) throw error;
      // Alive but not answering: replace it rather than leave the learner with a stuck agent.
      await this.#retire(client);
      return (await this.#spawn()).send({ type: 'start' });
    }
  }

  /** Writes what changed in the learner's files since the last mount or sync; resolves with whether anything did. */
  sync(files: FileSet): Promise<boolean> {
    this.#assertLive();
    return this.#mounted.sync(this.runtime, files);
  }

  /** Stops the learner's server and keeps the agent (a `sql` lesson, or the learner left the workspace). */
  async stopServer(): Promise<void> {
    await this.#client?.send({ type: 'stop' });
  }

  /** Shuts the agent down (then kills it after the grace period); this PageAgent serves nothing more. */
  async dispose(graceMs = this.options.shutdownGraceMs): Promise<void> {
    this.#disposed = true;
    const client = this.#client;
    if (client) await this.#retire(client, graceMs);
  }

  async #spawn(): Promise<AgentClient> {
    const { AgentClient } = await import('../../agent/client.ts');
    const { AGENT_SCRIPT } = await import('../../agent/workspace-paths.ts');
    const process = await this.runtime.spawn('node', [AGENT_SCRIPT]);
    const client = new AgentClient(process);
    this.#client = client;
    client.onEvent((event) => {
      if (this.#client === client) this.options.onEvent(event);
    });
    void process.exit.then((code) => {
      if (this.#client !== client) return;
      this.#client = undefined;
      this.options.onExit(code);
    });
    return client;
  }

  async #retire(client: AgentClient, graceMs = this.options.shutdownGraceMs): Promise<void> {
    if (this.#client === client) this.#client = undefined;
    await client.dispose(graceMs);
  }

  #assertLive(): void {
    if (this.#disposed) throw new Error('This runtime was replaced; the lesson starts again in the new one.');
  }
}
