/**
 * One tab's workspace on disk: a temp folder that starts as the lesson template (its
 * `package.json`, and `node_modules` as a symlink to the repo's, where the root npm workspace
 * installed the template's dependencies — so no `npm install` at lesson start).
 *
 * Every path the page names is confined to the folder: the shared rule of
 * src/runtime/workspace-path.ts (no `..`, no absolute paths), plus what only the file system
 * can tell — a symlink on the way that leads out (or nowhere) is refused, and `node_modules`
 * (shared by every tab) is off limits. The learner's own processes run as the same user and
 * are not sandboxed by this; it guards the runner's file API, which is what a page can reach.
 */
import { lstat, mkdir, mkdtemp, readFile, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { DEPENDENCIES_DIR, WorkspacePathError, checkedWorkspacePath } from '../../runtime/workspace-path.ts';

export interface WorkspaceOptions {
  /** The folder `node_modules` links to. */
  nodeModules: string;
  /** Files every workspace starts with (the template's package.json). */
  template: Record<string, string | Uint8Array>;
  /** Parent of the workspace folders; the OS temp folder by default. */
  parentDir?: string;
}

type Purpose = 'read' | 'write' | 'remove' | 'cwd';

function describeFsError(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new Error(`"${path}" does not exist in the workspace.`);
  if (code === 'EISDIR') return new Error(`"${path}" is a folder, not a file.`);
  if (code === 'ENOTDIR') return new Error(`A part of "${path}" is a file, not a folder.`);
  return error instanceof Error ? error : new Error(String(error));
}

export class Workspace {
  private constructor(readonly root: string) {}

  static async create(options: WorkspaceOptions): Promise<Workspace> {
    // realpath: on macOS the temp folder is itself behind a symlink (/var → /private/var).
    const root = await realpath(await mkdtemp(join(options.parentDir ?? tmpdir(), 'backend-playground-')));
    const workspace = new Workspace(root);
    try {
      await symlink(options.nodeModules, join(root, DEPENDENCIES_DIR), 'dir');
      for (const [path, data] of Object.entries(options.template)) await workspace.writeFile(path, data);
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

  async writeFile(path: string, data: string | Uint8Array): Promise<void> {
    const absolute = await this.resolve(path, 'write');
    try {
      await mkdir(dirname(absolute), { recursive: true });
      await writeFile(absolute, data);
    } catch (error) {
      throw describeFsError(path, error);
    }
  }

  /** Checks every path before writing any, so a bad path leaves the workspace untouched. */
  async mount(files: Record<string, string | Uint8Array>): Promise<void> {
    for (const path of Object.keys(files)) await this.resolve(path, 'write');
    for (const [path, data] of Object.entries(files)) await this.writeFile(path, data);
  }

  async readFile(path: string): Promise<Uint8Array> {
    const absolute = await this.resolve(path, 'read');
    try {
      return await readFile(absolute);
    } catch (error) {
      throw describeFsError(path, error);
    }
  }

  async remove(path: string): Promise<void> {
    await rm(await this.resolve(path, 'remove'), { recursive: true, force: true });
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
