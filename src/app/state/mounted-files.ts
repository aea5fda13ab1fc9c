/**
 * What the runtime holds of the learner's files, so a sync writes only the files whose text
 * differs and deletes the ones that are gone: the runner owns this diff, the editor's store
 * never tracks dirty or deleted paths.
 */
import type { Runtime } from '../../runtime/runtime.ts';
import type { FileSet } from './lesson-files-store.ts';

type FileWriter = Pick<Runtime, 'writeFile' | 'remove'>;

export class MountedFiles {
  readonly #texts = new Map<string, string>();

  /** Deletes every learner file from the runtime (a lesson switch); the agent and dependencies stay. */
  async removeAll(runtime: FileWriter): Promise<void> {
    await Promise.all([...this.#texts.keys()].map((path) => runtime.remove(path)));
    this.#texts.clear();
  }

  /** Records files a mount has just put in the runtime. */
  mounted(files: FileSet): void {
    for (const [path, text] of Object.entries(files)) this.#texts.set(path, text);
  }

  /**
   * Brings the runtime to `files`: deletes what they lack, writes what differs. Resolves with
   * whether anything changed; when a write fails it rejects, and the next sync tries again.
   */
  async sync(runtime: FileWriter, files: FileSet): Promise<boolean> {
    const writes = Object.keys(files).filter((path) => this.#texts.get(path) !== files[path]);
    const removals = [...this.#texts.keys()].filter((path) => !(path in files));
    await Promise.all(removals.map((path) => runtime.remove(path)));
    for (const path of removals) this.#texts.delete(path);
    await Promise.all(writes.map((path) => runtime.writeFile(path, files[path]!)));
    for (const path of writes) this.#texts.set(path, files[path]!);
    return writes.length + removals.length > 0;
  }
}
