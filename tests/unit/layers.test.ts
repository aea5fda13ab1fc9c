/**
 * The layer rules of ARCHITECTURE.md, enforced: code that ships to the browser never imports
 * Node-only code, the engine (src/checks) never imports the UI, and no two layers import each
 * other (no folder loops: src/node hosts the agent, the agent reads lessons). A violation names the file
 * and the import, so the fix is obvious.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(folder: string): string[] {
  const absolute = join(ROOT, folder);
  return readdirSync(absolute).flatMap((name) => {
    const path = join(absolute, name);
    if (statSync(path).isDirectory()) return sourceFiles(relative(ROOT, path));
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

/** Static and dynamic import specifiers, from real import statements only (not from strings in code). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s+['"]([^'"]+)['"]/gm)) specifiers.push(match[1]!);
  for (const match of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) specifiers.push(match[1]!);
  for (const match of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specifiers.push(match[1]!);
  return specifiers;
}

/** Where a relative specifier points, repo-relative; bare specifiers are returned as they are. */
function target(file: string, specifier: string): string {
  return specifier.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), specifier)) : specifier;
}

function violations(folders: string[], forbidden: (target: string) => boolean, allowedFiles: string[] = []): string[] {
  return folders
    .flatMap(sourceFiles)
    .filter((file) => !allowedFiles.includes(file))
    .flatMap((file) => importsOf(file).filter((specifier) => forbidden(target(file, specifier))).map((specifier) => `${file} imports ${specifier}`));
}

/** True for the folder itself (a directory import) and anything below it. */
const inFolder = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`);

const isNodeOnly = (path: string): boolean => path.startsWith('node:') || inFolder(path, 'src/node');

describe('layer rules', () => {
  it('code that runs in the page never imports src/node or Node built-ins', () => {
    expect(violations(['src/app', 'src/progress', 'src/runtime', 'src/sql', 'src/shared'], isNodeOnly)).toEqual([]);
  });

  it('the check engine runs anywhere: src/checks imports neither the UI, the agent, src/node nor Node built-ins', () => {
    expect(violations(['src/checks'], (path) => isNodeOnly(path) || inFolder(path, 'src/app') || inFolder(path, 'src/agent'))).toEqual([]);
  });

  it('the agent never imports src/node (src/node hosts the agent, not the reverse)', () => {
    expect(violations(['src/agent'], (path) => inFolder(path, 'src/node'))).toEqual([]);
  });

  it('lesson loading never imports the agent (the agent reads lessons, not the reverse)', () => {
    expect(violations(['src/lessons'], (path) => inFolder(path, 'src/agent'))).toEqual([]);
  });

  it('src/app/state imports neither inspectors nor panels (state is below the UI that renders it)', () => {
    expect(violations(['src/app/state'], (path) => inFolder(path, 'src/app/inspectors') || inFolder(path, 'src/app/panels'))).toEqual([]);
  });

  it('only the UI imports the UI', () => {
    const outside = ['src/checks', 'src/agent', 'src/runtime', 'src/lessons', 'src/sql', 'src/progress', 'src/node', 'src/shared'];
    expect(violations(outside, (path) => inFolder(path, 'src/app'))).toEqual([]);
  });

  it('src/shared stays neutral: it imports no layer, so every layer may import it', () => {
    expect(violations(['src/shared'], (path) => inFolder(path, 'src') && !inFolder(path, 'src/shared'))).toEqual([]);
  });

  it('notices a violation (the rule is not vacuous)', () => {
    expect(importsOf('src/node/cli/start.ts').map((specifier) => target('src/node/cli/start.ts', specifier))).toContain('src/node/app-server.ts');
  });
});
