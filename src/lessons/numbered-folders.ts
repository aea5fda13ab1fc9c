/**
 * The `NN-slug` folders of `lessons/` and of each track, in order. Folders without the prefix
 * (`_datasets`, `notes`) and folders starting with `_` are not tracks or lessons.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** `01-apis` → number 1, slug `apis`. */
const NUMBERED_FOLDER = /^(\d+)-(.*)$/;

export interface NumberedFolder {
  name: string;
  path: string;
  number: number;
  slug: string;
}

export async function numberedFolders(dir: string): Promise<NumberedFolder[]> {
  const folders: NumberedFolder[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const match = NUMBERED_FOLDER.exec(entry.name);
    if (!entry.isDirectory() || entry.name.startsWith('_') || !match) continue;
    folders.push({ name: entry.name, path: join(dir, entry.name), number: Number(match[1]), slug: match[2] ?? '' });
  }
  return folders.sort((a, b) => a.number - b.number || a.name.localeCompare(b.name));
}
