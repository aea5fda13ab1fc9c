/**
 * The lesson template's dependencies as the local runner's workspaces get them: a separate,
 * read-only tree built once from the files the WebContainer also ships
 * (src/node/template-dependency-files.ts), in the user's cache folder — never the repo's own
 * `node_modules`, which holds the app's tools (vite, tsx), so learner code that writes into
 * `node_modules` cannot change the app.
 *
 * Read-only is two things. On disk: files 0444, folders 0555, and the tree is compared with
 * the expected files every time a runner starts, and rebuilt when anything differs (learner
 * code runs as the same user, so it could chmod and edit — the check bounds how long a change
 * lives). In the PID namespace (process-containment.ts) the tree is also a read-only bind mount
 * that learner code cannot remount, which is the real guarantee where the OS offers it.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { templateDependencyFiles, type DependencyFile } from '../template-dependency-files.ts';

/** `$XDG_CACHE_HOME/backend-playground` or `~/.cache/backend-playground`. */
export function defaultCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'backend-playground');
}

function treeName(files: DependencyFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.path).update('\0').update(file.data).update('\0');
  return `template-deps-${hash.digest('hex').slice(0, 16)}`;
}

async function listFiles(folder: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(folder, entry.name), path)));
    else out.push(path);
  }
  return out;
}

/** Does `root` hold exactly these files, byte for byte? */
async function matches(root: string, files: DependencyFile[]): Promise<boolean> {
  try {
    const present = (await listFiles(root)).sort();
    if (present.length !== files.length || present.some((path, index) => path !== files[index]?.path)) return false;
    for (const file of files) if (!Buffer.from(file.data).equals(await readFile(join(root, file.path)))) return false;
    return true;
  } catch {
    return false;
  }
}

async function makeWritable(folder: string): Promise<void> {
  await chmod(folder, 0o755).catch(() => {});
  for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory()) await makeWritable(join(folder, entry.name));
  }
}

async function freeze(folder: string): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await freeze(path);
    else await chmod(path, 0o444);
  }
  await chmod(folder, 0o555);
}

async function removeTree(folder: string): Promise<void> {
  await makeWritable(folder);
  await rm(folder, { recursive: true, force: true });
}

async function build(target: string, files: DependencyFile[]): Promise<void> {
  // Built beside the target and renamed into place, so a concurrent start never sees half a tree.
  const staging = `${target}.${process.pid}.tmp`;
  await removeTree(staging);
  for (const file of files) {
    const path = join(staging, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.data);
  }
  await freeze(staging);
  await removeTree(target);
  try {
    await rename(staging, target);
  } catch (error) {
    await removeTree(staging);
    if (!(await matches(target, files))) throw error;
  }
}

/** Checked once per process and cache folder: a runner start pays for it, not every test server. */
const prepared = new Map<string, Promise<string>>();

/**
 * The `node_modules` folder workspaces link to: built or repaired as needed, then read-only.
 * `files` defaults to the template's trimmed dependency files.
 */
export function prepareTemplateDependencies(cacheDir = defaultCacheDir(), files?: DependencyFile[]): Promise<string> {
  if (files) return prepare(cacheDir, files);
  let ready = prepared.get(cacheDir);
  if (!ready) {
    ready = prepare(cacheDir, undefined);
    // A failed preparation is retried by the next caller instead of being remembered.
    ready.catch(() => prepared.delete(cacheDir));
    prepared.set(cacheDir, ready);
  }
  return ready;
}

async function prepare(cacheDir: string, files: DependencyFile[] | undefined): Promise<string> {
  const expected = [...(files ?? (await templateDependencyFiles()))].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const root = join(cacheDir, treeName(expected));
  await mkdir(cacheDir, { recursive: true, mode: 0o700 });
  if (!(await matches(root, expected))) await build(root, expected);
  return join(root, 'node_modules');
}
