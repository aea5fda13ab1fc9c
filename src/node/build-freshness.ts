/**
 * Decides whether `dist/` was built from the current sources, so `npm start` rebuilds only
 * when something changed. The fingerprint hashes file contents (not mtimes, which a fresh
 * clone resets) of everything that goes into the build.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const BUILD_INPUTS = ['src', 'lessons', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.cache', '.git']);
const STAMP_FILE = '.build-fingerprint';

function* filesUnder(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && SKIPPED_DIRS.has(entry.name)) continue;
    yield* filesUnder(join(path, entry.name));
  }
}

function sourceFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const input of BUILD_INPUTS) {
    for (const file of filesUnder(join(root, input))) {
      if (file.endsWith('.test.ts')) continue;
      hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

export function isBuildFresh(root: string, outDir = join(root, 'dist')): boolean {
  const stamp = join(outDir, STAMP_FILE);
  return existsSync(join(outDir, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === sourceFingerprint(root);
}

export function recordBuild(root: string, outDir = join(root, 'dist')): void {
  writeFileSync(join(outDir, STAMP_FILE), sourceFingerprint(root));
}
