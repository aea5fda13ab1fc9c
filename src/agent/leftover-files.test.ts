import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeLeftoverFiles } from './leftover-files.ts';

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

async function workspace(files: string[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'leftovers-'));
  roots.push(root);
  for (const path of files) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), path);
  }
  return root;
}

async function list(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1)).sort();
}

describe('removeLeftoverFiles', () => {
  it('keeps the lesson files, the agent, the dependencies and package.json; deletes what a server left', async () => {
    const root = await workspace(['server.js', 'src/db.js', 'data.db', 'uploads/a1.png', 'src/cache.json', '.agent/agent.mjs', 'package.json', 'package-lock.json']);
    const deps = await mkdtemp(join(tmpdir(), 'leftovers-deps-'));
    roots.push(deps);
    await writeFile(join(deps, 'express.js'), '');
    await symlink(deps, join(root, 'node_modules'));

    const removed = await removeLeftoverFiles(root, ['server.js', 'src/db.js']);

    expect(removed).toEqual(['data.db', 'src/cache.json', 'uploads']);
    expect(await list(root)).toEqual(['.agent/agent.mjs', 'package-lock.json', 'package.json', 'server.js', 'src/db.js']);
    expect(await readdir(deps)).toEqual(['express.js']);
  });

  it('deletes a folder of the previous lesson that this one does not have, and nothing when all is kept', async () => {
    const root = await workspace(['public/index.html', 'public/app.js', 'server.js']);
    expect(await removeLeftoverFiles(root, ['public/index.html', 'server.js'])).toEqual(['public/app.js']);
    expect(await removeLeftoverFiles(root, ['server.js'])).toEqual(['public']);
    expect(await removeLeftoverFiles(root, ['server.js'])).toEqual([]);
  });
});
