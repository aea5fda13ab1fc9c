/**
 * A fingerprint of the learner's files (path, size and modification time of each), taken when
 * the server starts and compared at Check time: equal stamps mean the running server runs the
 * saved files. node_modules and the agent's own `.agent/` folder are not the learner's.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const SKIPPED = new Set(['node_modules', '.agent', '.git']);

export async function workspaceStamp(root: string): Promise<string> {
  const entries: string[] = [];
  async function walk(dir: string, prefix: string): Promise<void> {
    const names = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of names) {
      if (SKIPPED.has(entry.name)) continue;
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) await walk(join(dir, entry.name), `${path}/`);
      else {
        const info = await stat(join(dir, entry.name)).catch(() => undefined);
        if (info) entries.push(`${path}:${info.size}:${info.mtimeMs}`);
      }
    }
  }
  await walk(root, '');
  return entries.sort().join('\n');
}
