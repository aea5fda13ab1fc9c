/**
 * The WebContainer fake's in-memory file system, in two faces:
 *   - `FakeFileSystem` is what a program *inside* the container sees (Node's `fs`): errors
 *     carry `.code` (ENOENT, EISDIR…);
 *   - `apiFileSystem(fs)` is what the page sees through `container.fs`: every call crosses
 *     Comlink, whose throw handler sends only `{ message, name, stack }` and rebuilds the error
 *     with `Object.assign(new Error(message), value)` (@webcontainer/api 1.6.4,
 *     dist/vendor/index.js, `throwTransferHandler`), so `.code` is lost on the way.
 * Paths are relative to the workdir, which is the root of what the API can reach.
 */
import type { BufferEncoding, DirEnt, FileSystemAPI, FileSystemTree } from '@webcontainer/api';

function fsError(code: string, syscall: string, path: string): Error {
  const messages: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EISDIR: 'illegal operation on a directory',
    ENOTDIR: 'not a directory',
    EEXIST: 'file already exists',
  };
  return Object.assign(new Error(`${code}: ${messages[code] ?? code}, ${syscall} '${path}'`), { code });
}

type Folder = Map<string, Entry>;
type Entry = { kind: 'file'; data: Uint8Array } | { kind: 'folder'; entries: Folder };

export class FakeFileSystem {
  readonly root: Folder = new Map();

  private segments(path: string): string[] {
    const out: string[] = [];
    for (const segment of path.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') out.pop();
      else out.push(segment);
    }
    return out;
  }

  private lookup(path: string): Entry | undefined {
    let entry: Entry = { kind: 'folder', entries: this.root };
    for (const segment of this.segments(path)) {
      if (entry.kind !== 'folder') return undefined;
      const next = entry.entries.get(segment);
      if (!next) return undefined;
      entry = next;
    }
    return entry;
  }

  private parent(path: string, syscall: string): { folder: Folder; name: string } {
    const segments = this.segments(path);
    const name = segments.pop();
    if (name === undefined) throw fsError('EISDIR', syscall, path);
    const parent = this.lookup(segments.join('/'));
    if (!parent) throw fsError('ENOENT', syscall, path);
    if (parent.kind !== 'folder') throw fsError('ENOTDIR', syscall, path);
    return { folder: parent.entries, name };
  }

  exists(path: string): boolean {
    return this.lookup(path) !== undefined;
  }

  readFile(path: string, encoding?: null): Promise<Uint8Array>;
  readFile(path: string, encoding: BufferEncoding): Promise<string>;
  async readFile(path: string, encoding?: BufferEncoding | null): Promise<Uint8Array | string> {
    const entry = this.lookup(path);
    if (!entry) throw fsError('ENOENT', 'open', path);
    if (entry.kind !== 'file') throw fsError('EISDIR', 'read', path);
    return encoding ? new TextDecoder().decode(entry.data) : entry.data.slice();
  }

  async writeFile(path: string, data: string | Uint8Array): Promise<void> {
    this.writeFileSync(path, data);
  }

  writeFileSync(path: string, data: string | Uint8Array): void {
    const { folder, name } = this.parent(path, 'open');
    if (folder.get(name)?.kind === 'folder') throw fsError('EISDIR', 'open', path);
    folder.set(name, { kind: 'file', data: typeof data === 'string' ? new TextEncoder().encode(data) : data.slice() });
  }

  mkdir(path: string, options?: { recursive?: false }): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string>;
  async mkdir(path: string, options?: { recursive?: boolean }): Promise<void | string> {
    if (!options?.recursive) {
      const { folder, name } = this.parent(path, 'mkdir');
      if (folder.has(name)) throw fsError('EEXIST', 'mkdir', path);
      folder.set(name, { kind: 'folder', entries: new Map() });
      return;
    }
    this.mkdirpSync(path);
    return path;
  }

  mkdirpSync(path: string): void {
    let folder = this.root;
    for (const segment of this.segments(path)) {
      const next: Entry = folder.get(segment) ?? { kind: 'folder', entries: new Map() };
      if (next.kind !== 'folder') throw fsError('ENOTDIR', 'mkdir', path);
      folder.set(segment, next);
      folder = next.entries;
    }
  }

  async rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void> {
    const { folder, name } = this.parent(path, 'rm');
    const entry = folder.get(name);
    if (!entry) {
      if (options?.force) return;
      throw fsError('ENOENT', 'rm', path);
    }
    if (entry.kind === 'folder' && !options?.recursive) throw fsError('EISDIR', 'rm', path);
    folder.delete(name);
  }

  async rename(oldPath: string, newPath: string): Promise<void> {
    const from = this.parent(oldPath, 'rename');
    const entry = from.folder.get(from.name);
    if (!entry) throw fsError('ENOENT', 'rename', oldPath);
    const to = this.parent(newPath, 'rename');
    from.folder.delete(from.name);
    to.folder.set(to.name, entry);
  }

  async readdir(path: string, options?: { withFileTypes?: boolean } | BufferEncoding | null): Promise<string[] | DirEnt<string>[]> {
    const entry = this.lookup(path);
    if (!entry) throw fsError('ENOENT', 'scandir', path);
    if (entry.kind !== 'folder') throw fsError('ENOTDIR', 'scandir', path);
    const names = [...entry.entries.keys()].sort();
    if (!(typeof options === 'object' && options?.withFileTypes)) return names;
    return names.map((name) => ({ name, isFile: () => entry.entries.get(name)?.kind === 'file', isDirectory: () => entry.entries.get(name)?.kind === 'folder' }));
  }

  /** Writes a `FileSystemTree` (the shape `mount` takes) under `at`. */
  mountTree(tree: FileSystemTree, at: string): void {
    this.mkdirpSync(at);
    for (const [name, node] of Object.entries(tree)) {
      const path = at ? `${at}/${name}` : name;
      if ('directory' in node) this.mountTree(node.directory, path);
      else if ('contents' in node.file) this.writeFileSync(path, node.file.contents);
      else throw new Error('The WebContainer fake does not implement symlinks.');
    }
  }
}

/** An error as it arrives on the page's side of Comlink: message, name and stack only. */
export function acrossTheBoundary(error: unknown): Error {
  if (!(error instanceof Error)) return error as Error;
  const { message, name, stack } = error;
  return Object.assign(new Error(message), { message, name, stack });
}

async function crossing<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw acrossTheBoundary(error);
  }
}

/** `container.fs`: the same file system, reached through the API's message boundary. */
export function apiFileSystem(fs: FakeFileSystem): FileSystemAPI {
  const api = {
    readFile: (path: string, encoding?: BufferEncoding | null) => crossing<Uint8Array | string>(() => (encoding ? fs.readFile(path, encoding) : fs.readFile(path))),
    writeFile: (path: string, data: string | Uint8Array) => crossing(() => fs.writeFile(path, data)),
    mkdir: (path: string, options?: { recursive?: boolean }) => crossing<string | void>(() => (options?.recursive ? fs.mkdir(path, { recursive: true }) : fs.mkdir(path))),
    rm: (path: string, options?: { force?: boolean; recursive?: boolean }) => crossing(() => fs.rm(path, options)),
    rename: (oldPath: string, newPath: string) => crossing(() => fs.rename(oldPath, newPath)),
    readdir: (path: string, options?: { withFileTypes?: boolean } | BufferEncoding | null) => crossing(() => fs.readdir(path, options)),
    watch: () => {
      throw new Error('The WebContainer fake does not implement fs.watch.');
    },
  };
  // The overloads of FileSystemAPI (buffer encodings for readdir) are not modelled; the shapes used are.
  return api as unknown as FileSystemAPI;
}
