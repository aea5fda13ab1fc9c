/**
 * Converts the Runtime's flat FileTree (`{ 'src/db.js': '…' }`) into the nested
 * FileSystemTree that `WebContainer.mount` takes.
 */
import type { DirectoryNode, FileSystemTree } from '@webcontainer/api';
import type { FileTree } from './runtime.ts';
import { checkedWorkspacePath } from './workspace-path.ts';

export function toFileSystemTree(files: FileTree): FileSystemTree {
  const root: FileSystemTree = {};
  for (const [path, contents] of Object.entries(files)) {
    const segments = checkedWorkspacePath(path);
    const name = segments.pop() as string; // checkedWorkspacePath never returns [] here
    let folder = root;
    for (const segment of segments) {
      const node = (folder[segment] ??= { directory: {} });
      if (!('directory' in node)) throw new Error(`"${path}" needs "${segment}" to be a folder, but the files also name it as a file.`);
      folder = (node as DirectoryNode).directory;
    }
    if (folder[name] && 'directory' in folder[name]) throw new Error(`"${path}" is both a file and a folder in the files to mount.`);
    folder[name] = { file: { contents } };
  }
  return root;
}
