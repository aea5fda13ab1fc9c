/**
 * The one interface every runtime adapter implements (see ARCHITECTURE.md, "Runtimes").
 *
 * It mirrors the shape of `@webcontainer/api` on purpose — a file system, `spawn` with
 * streams, a server-ready event — so the WebContainer adapter is thin and the local runner
 * (real Node behind a WebSocket) behaves the same way. Nothing here knows about lessons,
 * checks or the UI: the workspace store starts the agent (src/agent) through `spawn` and
 * talks to it over the process's stdin/stdout.
 */

/** Flat map of workspace-relative POSIX paths (`src/db.js`) to file contents. */
export type FileTree = Record<string, string | Uint8Array>;

export type RuntimeKind = 'webcontainer' | 'local' | 'browser';

export interface SpawnOptions {
  /** Working directory relative to the workspace root. */
  cwd?: string;
  env?: Record<string, string>;
}

export interface RuntimeProcess {
  /** stdout and stderr, merged, decoded as UTF-8, in the order they were written. */
  readonly output: ReadableStream<string>;
  /** Writes go to the process's stdin. */
  readonly input: WritableStream<string>;
  /** Resolves with the exit code once the process (and its tree) has ended. */
  readonly exit: Promise<number>;
  /** Ends the process and every process it started. */
  kill(): void;
}

export interface Runtime {
  readonly kind: RuntimeKind;
  /** Writes the files into the workspace, creating folders; existing other files stay. */
  mount(files: FileTree): Promise<void>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  /** Deletes a file or folder (recursively). Missing paths are not an error. */
  remove(path: string): Promise<void>;
  spawn(command: string, args: string[], options?: SpawnOptions): Promise<RuntimeProcess>;
  /** Called when a process in the runtime starts listening on a port. Returns an unsubscribe. */
  onServerReady(callback: (port: number, url: string) => void): () => void;
  /** Kills every process, deletes the workspace and releases the runtime. */
  dispose(): Promise<void>;
}

/** Why a runtime was (or was not) chosen, shown to the learner verbatim. */
export interface RuntimeChoice {
  kind: RuntimeKind | 'none';
  reason: string;
}
