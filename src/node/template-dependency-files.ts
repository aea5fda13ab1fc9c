/**
 * The lesson template's dependencies as the WebContainer gets them: exactly the packages that
 * `lessons/_template/package-lock.json` names (its closure, so the result does not drift with
 * whatever else the repo installs), read from the copies npm workspaces installed, trimmed of
 * what Node never loads (type declarations, source maps, docs, licences, tests, sql.js's
 * browser and asm.js builds). Paths are sorted, so the same lockfile and install give the same
 * bytes. A package whose installed version differs from the lockfile is an error, unless nothing
 * of it would ship (types-only packages such as `@types/node`, which the root may override).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

// Not app-server.ts's REPO_ROOT: that module loads Vite, and this one runs inside vite.config.ts.
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TEMPLATE_DIR = join(REPO_ROOT, 'lessons/_template');

export interface DependencyFile {
  /** Workspace-relative POSIX path, starting with `node_modules/`. */
  path: string;
  data: Uint8Array;
}

interface LockEntry {
  version?: string;
  link?: boolean;
  optional?: boolean;
}

const DROPPED_FOLDERS = new Set(['test', 'tests', '__tests__', 'docs', 'doc', 'example', 'examples', 'benchmark', 'benchmarks', 'coverage', '.github']);
const DROPPED_FILES = [
  /\.(d\.[cm]?ts|[cm]?ts|tsx|map|md|markdown)$/i,
  /^(licen[cs]e|copying|readme|changelog|history|authors|contributing|security|notice)(\.|-|$)/i,
  /^tsconfig.*\.json$/i,
  /^\./,
];
/** Packages whose published folder holds many builds of which Node loads one. */
const ONLY_FILES: Record<string, Set<string>> = {
  'sql.js': new Set(['package.json', 'dist/sql-wasm.js', 'dist/sql-wasm.wasm']),
};
/** A top-level `src/` holds sources only when the package also ships built code. */
const shipsBuiltCode = (files: string[]) => files.some((file) => /^(lib|dist|build)\//.test(file));

function kept(relativePath: string): boolean {
  const segments = relativePath.split('/');
  const name = segments.at(-1) ?? '';
  if (segments.slice(0, -1).some((segment) => DROPPED_FOLDERS.has(segment))) return false;
  return name === 'package.json' || !DROPPED_FILES.some((pattern) => pattern.test(name));
}

async function walk(folder: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name;
    // Nested node_modules are lockfile entries of their own; links (.bin) are not needed.
    if (entry.isDirectory() && entry.name !== 'node_modules') out.push(...(await walk(join(folder, entry.name), relativePath)));
    else if (entry.isFile()) out.push(relativePath);
  }
  return out;
}

async function installedCopy(lockPath: string): Promise<{ dir: string; version: string }> {
  for (const base of [TEMPLATE_DIR, REPO_ROOT]) {
    const dir = join(base, lockPath);
    const manifest = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
    if (manifest) return { dir, version: (JSON.parse(manifest) as { version: string }).version };
  }
  throw new Error(`${lockPath} (from lessons/_template/package-lock.json) is not installed: run \`npm ci\` first.`);
}

/** The trimmed files of one installed package, or none when only its package.json would ship. */
async function packageFiles(lockPath: string, entry: LockEntry): Promise<DependencyFile[]> {
  const { dir, version } = await installedCopy(lockPath);
  const name = lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const all = await walk(dir);
  const only = ONLY_FILES[name];
  const dropSrc = shipsBuiltCode(all);
  const chosen = all.filter((file) => (only ? only.has(file) : kept(file) && !(dropSrc && file.startsWith('src/')))).sort();
  if (chosen.every((file) => file === 'package.json')) return [];
  if (version !== entry.version) {
    throw new Error(`${lockPath} is ${version} on disk but ${entry.version} in lessons/_template/package-lock.json: run \`npm ci\` so the WebContainer gets what the lockfile says.`);
  }
  return Promise.all(chosen.map(async (file) => ({ path: posix.join(lockPath, file), data: new Uint8Array(await readFile(join(dir, file))) })));
}

export async function templateDependencyFiles(): Promise<DependencyFile[]> {
  const lock = JSON.parse(await readFile(join(TEMPLATE_DIR, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const entries = Object.entries(lock.packages).filter(([path, entry]) => path.startsWith('node_modules/') && !entry.link);
  const files = (await Promise.all(entries.map(([path, entry]) => packageFiles(path, entry)))).flat();
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
