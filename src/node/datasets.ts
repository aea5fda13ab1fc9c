/**
 * Dataset generators (`lessons/_datasets/<name>.ts`, `build(variant) → SQL script`) turned
 * into SQLite bytes with sql.js. Results are cached on disk by a hash of the bundled
 * generator (so editing a helper it imports also refreshes the cache).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildFailure } from 'esbuild';
import initSqlJs from 'sql.js';
import { errorText } from '../shared/error-text.ts';

export type DatasetVariant = 'visible' | 'hidden';

/** Relative to the working directory: the repo root for npm scripts, Vite and Vitest. */
const CACHE_DIR = join('node_modules', '.cache', 'playground', 'datasets');

function displayPath(absolute: string): string {
  return relative(process.cwd(), absolute).split(sep).join('/');
}

function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

async function bundleGenerator(file: string): Promise<string> {
  try {
    const result = await build({ entryPoints: [file], bundle: true, format: 'esm', platform: 'node', target: 'node20', write: false, logLevel: 'silent' });
    return result.outputFiles[0]?.text ?? '';
  } catch (error) {
    const failure = error as Partial<BuildFailure>;
    const details = failure.errors?.map((m) => (m.location ? `${m.location.file}:${m.location.line}:${m.location.column + 1}: ${m.text}` : m.text)).join('; ');
    throw new Error(`${displayPath(file)} does not compile: ${details ?? String(error)}`);
  }
}

/**
 * Writes `path` whole or not at all: a temp file beside it, then a rename. Another reader (a
 * parallel lesson importing the same generator, a later build reading the cache) never sees a
 * truncated or half-written file — on a clean clone every sql lesson builds the dataset at once.
 */
async function writeByRename(path: string, data: string | Uint8Array): Promise<void> {
  const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(partial, data);
  await rename(partial, path);
}

async function runGenerator(code: string, file: string, variant: DatasetVariant): Promise<string> {
  const dir = join(tmpdir(), 'playground-datasets');
  await mkdir(dir, { recursive: true });
  const moduleFile = join(dir, `${sha256(code).slice(0, 16)}.mjs`);
  await writeByRename(moduleFile, code);
  const module = (await import(/* @vite-ignore */ pathToFileURL(moduleFile).href)) as { default?: unknown };
  if (typeof module.default !== 'function') {
    throw new Error(`${displayPath(file)} must \`export default function build(variant: 'visible' | 'hidden'): string\``);
  }
  let script: unknown;
  try {
    script = (module.default as (v: DatasetVariant) => unknown)(variant);
  } catch (error) {
    throw new Error(`${displayPath(file)}: build('${variant}') threw: ${errorText(error)}`);
  }
  if (typeof script !== 'string') throw new Error(`${displayPath(file)}: build('${variant}') must return a SQL script string (got ${typeof script})`);
  return script;
}

let sqlJs: ReturnType<typeof initSqlJs> | undefined;

async function sqlToBytes(script: string, file: string, variant: DatasetVariant): Promise<Uint8Array> {
  sqlJs ??= initSqlJs();
  const SQL = await sqlJs;
  const db = new SQL.Database();
  try {
    db.exec(script);
    return db.export();
  } catch (error) {
    throw new Error(`${displayPath(file)}: the SQL from build('${variant}') fails in SQLite: ${errorText(error)}`);
  } finally {
    db.close();
  }
}

/** Builds in flight in this process, so parallel lessons wanting the same dataset build it once. */
const building = new Map<string, Promise<Uint8Array>>();

/** The SQLite file for one variant of `lessons/_datasets/<name>.ts`. Throws with the file path and the cause. */
export async function datasetBytes(lessonsDir: string, name: string, variant: DatasetVariant): Promise<Uint8Array> {
  const file = join(lessonsDir, '_datasets', `${name}.ts`);
  if (!existsSync(file)) {
    throw new Error(`Dataset \`${name}\` not found: create ${displayPath(file)} exporting \`default function build(variant): string\``);
  }
  const code = await bundleGenerator(file);
  const cacheDir = join(process.cwd(), CACHE_DIR);
  const prefix = `${name}.${variant}.`;
  const cacheName = `${prefix}${sha256(code).slice(0, 16)}.sqlite`;
  const cacheFile = join(cacheDir, cacheName);
  if (existsSync(cacheFile)) return new Uint8Array(await readFile(cacheFile));
  let pending = building.get(cacheFile);
  if (!pending) {
    pending = buildAndCache(code, file, variant, cacheDir, cacheFile, prefix);
    building.set(cacheFile, pending);
    void pending.finally(() => building.delete(cacheFile)).catch(() => undefined);
  }
  return pending;
}

async function buildAndCache(code: string, file: string, variant: DatasetVariant, cacheDir: string, cacheFile: string, prefix: string): Promise<Uint8Array> {
  const bytes = await sqlToBytes(await runGenerator(code, file, variant), file, variant);
  await mkdir(cacheDir, { recursive: true });
  await writeByRename(cacheFile, bytes);
  // Older builds of the same dataset are stale now; dropping them keeps the cache from growing with every edit.
  const stale = (await readdir(cacheDir)).filter((f) => f.startsWith(prefix) && f.endsWith('.sqlite') && join(cacheDir, f) !== cacheFile);
  await Promise.all(stale.map((f) => rm(join(cacheDir, f), { force: true })));
  return bytes;
}
