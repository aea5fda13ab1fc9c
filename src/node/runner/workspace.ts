/**
 * One tab's workspace on disk: a temp folder that starts as the lesson template (its
 * `package.json`, and `node_modules` as a symlink to a read-only copy of the template's
 * dependencies, see template-dependencies.ts — never the repo's own `node_modules`).
 *
 * Every path the page names is confined to the folder, without trusting the path alone: the
 * shared rule of src/runtime/workspace-path.ts (no `..`, no absolute paths, not
 * `node_modules`), a walk that refuses symlinks leading out (or nowhere), and then the file
 * itself is opened without following a final link (O_NOFOLLOW), its real path is read back from
 * the open descriptor and checked against the workspace (a symlink swapped in mid-way is
 * caught), and a file with more than one hard link is refused (a hard link made by learner code
 * could point at any file of the user's). Writes through the file API are capped in bytes.
 *
 * The folder name carries this server's pid, so a later start can tell an orphan (its server
 * is gone) from a sibling server's live workspace (stale-sweep.ts).
 */
import { constants, rmSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, open, readdir, readlink, realpath, rm, stat, symlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import { errorText } from '../../shared/error-text.ts';
import { DEPENDENCIES_DIR, WorkspacePathError, checkedWorkspacePath } from '../../runtime/workspace-path.ts';
import type { FileData } from './parse-runner-request.ts';

/** Workspace folders are named `<prefix><server pid>-<random>`. */
export const WORKSPACE_PREFIX = 'backend-playground-';
const DEFAULT_MAX_WORKSPACE_BYTES = 256 * 1024 * 1024;

export interface WorkspaceOptions {
  /** The folder `node_modules` links to: the read-only copy of the template's dependencies. */
  nodeModules: string;
  /** Files every workspace starts with (the template's package.json). */
  template: Record<string, FileData>;
  /** Parent of the workspace folders; the OS temp folder by default. */
  parentDir?: string;
  /** How many bytes the file API may store in one workspace. */
  maxWorkspaceBytes?: number;
}

type Purpose = 'read' | 'write' | 'remove' | 'cwd';

function describeFsError(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new Error(`"${path}" does not exist in the workspace.`);
  if (code === 'EISDIR') return new Error(`"${path}" is a folder, not a file.`);
  if (code === 'ENOTDIR') return new Error(`A part of "${path}" is a file, not a folder.`);
  if (code === 'ELOOP') return new WorkspacePathError(`"${path}" is a symlink; the runner does not follow links for the file API.`);
  return error instanceof Error ? error : new Error(errorText(error));
}

/** Bytes stored in a folder (links not followed, so node_modules counts as nothing). */
async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else if (entry.isFile()) total += (await lstat(path).catch(() => ({ size: 0 }))).size;
  }
  return total;
}

export class Workspace {
  private constructor(
    readonly root: string,
    private readonly maxBytes: number,
  ) {}

  static async create(options: WorkspaceOptions): Promise<Workspace> {
    // realpath: on macOS the temp folder is itself behind a symlink (/var → /private/var).
    const root = await realpath(await mkdtemp(join(options.parentDir ?? tmpdir(), `${WORKSPACE_PREFIX}${process.pid}-`)));
    const workspace = new Workspace(root, options.maxWorkspaceBytes ?? DEFAULT_MAX_WORKSPACE_BYTES);
    try {
      await symlink(options.nodeModules, join(root, DEPENDENCIES_DIR), 'dir');
      await workspace.mount(Object.entries(options.template));
    } catch (error) {
      await workspace.dispose();
      throw error;
    }
    return workspace;
  }

  private contains(absolute: string): boolean {
    return absolute === this.root || absolute.startsWith(this.root + sep);
  }

  /** The absolute path for `path`, after every check; throws a message for the learner otherwise. */
  async resolve(path: string, purpose: Purpose): Promise<string> {
    const segments = checkedWorkspacePath(path, { allowRoot: purpose === 'cwd' });
    let current = this.root;
    for (const segment of segments) {
      current = join(current, segment);
      let entry;
      try {
        entry = await lstat(current);
      } catch {
        break; // The rest does not exist yet; whatever gets created there is inside.
      }
      if (!entry.isSymbolicLink()) continue;
      let target: string;
      try {
        target = await realpath(current);
      } catch {
        throw new WorkspacePathError(`"${path}" goes through a symlink to something that does not exist; the runner refuses it.`);
      }
      if (!this.contains(target)) throw new WorkspacePathError(`"${path}" goes through a symlink that leads out of the workspace; the runner refuses it.`);
    }
    return join(this.root, ...segments);
  }

  /** Opens without following a final link, then checks what was really opened. */
  private async openChecked(path: string, absolute: string, flags: number): Promise<FileHandle> {
    let handle: FileHandle;
    try {
      handle = await open(absolute, flags | constants.O_NOFOLLOW, 0o644);
    } catch (error) {
      throw describeFsError(path, error);
    }
    try {
      const entry = await handle.stat();
      if (entry.isDirectory()) throw new Error(`"${path}" is a folder, not a file.`);
      if (entry.nlink > 1) throw new WorkspacePathError(`"${path}" has ${entry.nlink} hard links, so it may also be a file outside the workspace; the runner refuses it.`);
      // The descriptor's own path (Linux) is what was opened, whatever the path said a moment ago.
      const real = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => realpath(absolute));
      if (!this.contains(real)) throw new WorkspacePathError(`"${path}" resolved outside the workspace while it was opened; the runner refuses it.`);
      return handle;
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  private async checkCapacity(path: string, absolute: string, size: number): Promise<void> {
    const replaced = (await lstat(absolute).catch(() => undefined))?.size ?? 0;
    const total = (await folderBytes(this.root)) - replaced + size;
    if (total > this.maxBytes) {
      const mib = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MiB`;
      throw new Error(`Writing "${path}" would grow the workspace to ${mib(total)}, over its ${mib(this.maxBytes)} limit; delete some files (or a large database) first.`);
    }
  }

  async writeFile(path: string, data: FileData): Promise<void> {
    const absolute = await this.resolve(path, 'write');
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    await this.checkCapacity(path, absolute, bytes.byteLength);
    try {
      await mkdir(dirname(absolute), { recursive: true });
    } catch (error) {
      throw describeFsError(path, error);
    }
    // No O_TRUNC: nothing is changed before the checks on the opened file pass.
    const handle = await this.openChecked(path, absolute, constants.O_WRONLY | constants.O_CREAT);
    try {
      await handle.truncate(0);
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
  }

  /** Checks every path (and the total size) before writing any, so a bad mount leaves the workspace untouched. */
  async mount(files: Iterable<[string, FileData]>): Promise<void> {
    const entries = [...files];
    for (const [path] of entries) await this.resolve(path, 'write');
    const size = entries.reduce((sum, [, data]) => sum + (typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength), 0);
    await this.checkCapacity('the mounted files', this.root, size);
    for (const [path, data] of entries) await this.writeFile(path, data);
  }

  async readFile(path: string): Promise<Uint8Array> {
    const handle = await this.openChecked(path, await this.resolve(path, 'read'), constants.O_RDONLY);
    try {
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  /** The absolute path of an existing regular file (a script to run), checked like a read. */
  async existingFile(path: string): Promise<string> {
    const absolute = await this.resolve(path, 'read');
    const handle = await this.openChecked(path, absolute, constants.O_RDONLY);
    await handle.close();
    return absolute;
  }

  async remove(path: string): Promise<void> {
    const absolute = await this.resolve(path, 'remove');
    // Remove by the parent's real path, re-checked: a parent swapped for a link meanwhile is refused.
    const parent = await realpath(dirname(absolute)).catch(() => undefined);
    if (parent === undefined) return;
    if (!this.contains(parent)) throw new WorkspacePathError(`"${path}" resolved outside the workspace; the runner refuses it.`);
    await rm(join(parent, basename(absolute)), { recursive: true, force: true });
  }

  /** The absolute working directory for a process; it must be an existing folder. */
  async directory(path: string): Promise<string> {
    const absolute = await this.resolve(path, 'cwd');
    let entry;
    try {
      entry = await stat(absolute);
    } catch (error) {
      throw describeFsError(path, error);
    }
    if (!entry.isDirectory()) throw new Error(`"${path}" is a file, not a folder; a process needs a folder to run in.`);
    return absolute;
  }

  async dispose(): Promise<void> {
    // A process that was just killed may still be writing a file: retry instead of ENOTEMPTY.
    await rm(this.root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }

  /** For process exit handlers, which cannot wait. */
  disposeSync(): void {
    rmSync(this.root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}
