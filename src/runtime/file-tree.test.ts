import { describe, expect, it } from 'vitest';
import { toFileSystemTree } from './file-tree.ts';

describe('toFileSystemTree', () => {
  it('nests a flat file map into folders', () => {
    const bytes = new Uint8Array([1, 2]);
    expect(toFileSystemTree({ 'server.js': 'a', 'src/db.js': 'b', 'src/lib/x.js': 'c', './data.sqlite': bytes })).toEqual({
      'server.js': { file: { contents: 'a' } },
      'data.sqlite': { file: { contents: bytes } },
      src: { directory: { 'db.js': { file: { contents: 'b' } }, lib: { directory: { 'x.js': { file: { contents: 'c' } } } } } },
    });
  });

  it('refuses paths that leave the workspace and a name used as both file and folder', () => {
    expect(() => toFileSystemTree({ '../x.js': '' })).toThrow(/leaves the workspace/);
    expect(() => toFileSystemTree({ 'a': '', 'a/b.js': '' })).toThrow('"a/b.js" needs "a" to be a folder, but the files also name it as a file.');
    expect(() => toFileSystemTree({ 'a/b.js': '', 'a': '' })).toThrow('"a" is both a file and a folder in the files to mount.');
  });
});
