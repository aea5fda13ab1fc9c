import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeSnapshot } from '../../tests/support/webcontainer-snapshot-decode.ts';
import { templateDependencyFiles } from './template-dependency-files.ts';
import { webcontainerDependencyArchive } from './webcontainer-deps-archive.ts';
import { encodeSnapshot } from './webcontainer-snapshot.ts';

describe('the WebContainer dependency snapshot', () => {
  it('is MessagePack in the @webcontainer/snapshot layout', () => {
    const bytes = encodeSnapshot([{ path: 'a/b', data: new Uint8Array([1, 2]) }]);
    // { d: { a: { d: { b: { f: { c: <bin 01 02> } } } } } }
    const fixmap1 = 0x81;
    const key = (letter: string) => [0xa1, letter.charCodeAt(0)];
    expect([...bytes]).toEqual([fixmap1, ...key('d'), fixmap1, ...key('a'), fixmap1, ...key('d'), fixmap1, ...key('b'), fixmap1, ...key('f'), fixmap1, ...key('c'), 0xc4, 2, 1, 2]);
  });

  it('holds the lockfile closure, trimmed, within the 4 MB budget, under a content-hashed name', async () => {
    const archive = await webcontainerDependencyArchive();
    expect(archive.gzip.length).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(archive.fileName).toMatch(/^assets\/webcontainer-deps-[0-9a-f]{10}\.bin\.gz$/);
    const tree = decodeSnapshot(new Uint8Array(gunzipSync(archive.gzip)));
    const modules = (tree.node_modules as { directory: Record<string, { directory: Record<string, unknown> }> }).directory;
    expect(Object.keys(modules)).toEqual(expect.arrayContaining(['express', 'jose', 'msw', 'sql.js']));
    expect(Object.keys(modules['sql.js']!.directory).sort()).toEqual(['dist', 'package.json']);
    const paths = (await templateDependencyFiles()).map(({ path }) => path);
    expect(paths.filter((path) => /\.(d\.ts|map|md)$|\/(LICENSE|README)[^/]*$/i.test(path))).toEqual([]);
    expect(paths).toContain('node_modules/sql.js/dist/sql-wasm.wasm');
    expect(paths).toEqual([...paths].sort());
    // Reproducible: the same install gives the same bytes (compared as buffers: a deep equal of 8 MB is slow).
    expect(Buffer.compare(encodeSnapshot(await templateDependencyFiles()), encodeSnapshot(await templateDependencyFiles()))).toBe(0);
  });
});
