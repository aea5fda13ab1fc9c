/**
 * The one reader for a lesson's file folders: `starter/`, `solution/`, `mutants/<name>/` and
 * `alternatives/<name>/` are all read here, as UTF-8 text keyed by `/`-separated relative
 * path. Each is an overlay: solution over starter, a mutant or an alternative over the solution.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { displayPath } from './display-path.ts';
import type { LessonError } from './types.ts';

/** Files operating systems drop into folders: never part of a lesson (and binary, so they would be refused). */
const OS_JUNK = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

export interface Overlay {
  files: Record<string, string>;
  errors: LessonError[];
}

export interface OverlayOptions {
  /** The message when the folder does not exist (it is required). */
  missing: string;
  /** A top-level file that describes the folder rather than belonging to it (`mutant.json`). */
  manifest?: string;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export async function readOverlay(dir: string, options: OverlayOptions): Promise<Overlay> {
  if (!(await isDirectory(dir))) return { files: {}, errors: [{ file: displayPath(dir), message: options.missing }] };
  const overlay: Overlay = { files: {}, errors: [] };
  await walk(dir, dir, options.manifest, overlay);
  return overlay;
}

async function walk(root: string, current: string, manifest: string | undefined, into: Overlay): Promise<void> {
  const entries = await readdir(current, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(current, entry.name);
    if (entry.isDirectory()) await walk(root, path, manifest, into);
    else if (entry.isFile() && !OS_JUNK.has(entry.name) && !(current === root && entry.name === manifest)) {
      const text = decodeText(await readFile(path));
      if (text === undefined) into.errors.push({ file: displayPath(path), message: 'is not a UTF-8 text file; lesson files must be text (generate binaries such as .sqlite from code)' });
      else into.files[relative(root, path).split(sep).join('/')] = text;
    }
  }
}

function decodeText(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}
