/**
 * What an earlier lesson's server left in the workspace — a database, uploads, a log — must not
 * be there when the next lesson starts: its checks assume a fresh workspace, and `lessons:verify`
 * grades every variant in one. The caller lists the learner files it mounted for the lesson
 * (`AgentLessonConfig.files`); everything else goes, except the dependencies, the agent's own
 * folder and the template's package files, which the runtime mounted once for every lesson.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const RUNTIME_ENTRIES = new Set(['node_modules', '.agent', 'package.json', 'package-lock.json']);

/** Deletes every file and folder under `root` that is not one of `keep` (workspace-relative paths), nor a folder holding one. */
export async function removeLeftoverFiles(root: string, keep: readonly string[]): Promise<string[]> {
  const kept = new Set(keep);
  const removed: string[] = [];
  const holdsKept = (folder: string): boolean => keep.some((path) => path.startsWith(`${folder}/`));
  async function sweep(folder: string, prefix: string): Promise<void> {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = `${prefix}${entry.name}`;
      if (prefix === '' && RUNTIME_ENTRIES.has(entry.name)) continue;
      if (kept.has(path)) continue;
      if (entry.isDirectory() && holdsKept(path)) {
        await sweep(join(folder, entry.name), `${path}/`);
        continue;
      }
      await rm(join(folder, entry.name), { recursive: true, force: true });
      removed.push(path);
    }
  }
  await sweep(root, '');
  return removed.sort();
}
