/**
 * The one rule for paths a runtime accepts: workspace-relative POSIX paths that stay inside
 * the workspace. Both adapters and the local runner host apply it, so a path that works in
 * one runtime works in the other, and `../`, absolute paths and Windows spellings are refused
 * with the same message everywhere. (The runner host additionally refuses symlinks that lead
 * out; that needs the file system, see src/node/runner/workspace.ts.)
 */

export class WorkspacePathError extends Error {
  override name = 'WorkspacePathError';
}

/**
 * Returns the path's segments (`src/db.js` → `['src', 'db.js']`), with `.` and empty segments
 * dropped. `''` and `'.'` mean the workspace root and give `[]`.
 */
export function workspacePathSegments(path: string): string[] {
  if (typeof path !== 'string') throw new WorkspacePathError('A path must be a string.');
  if (path.includes('\0')) throw new WorkspacePathError(`"${path.replace(/\0/g, '\\0')}" contains a NUL byte.`);
  if (path.includes('\\')) throw new WorkspacePathError(`"${path}" uses a backslash; use workspace-relative paths with "/" (e.g. "src/db.js").`);
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) {
    throw new WorkspacePathError(`"${path}" is an absolute path; use a path relative to the workspace (e.g. "src/db.js").`);
  }
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) throw new WorkspacePathError(`"${path}" leaves the workspace ("..") — paths must stay inside it.`);
  return segments;
}

/**
 * The folder holding the lesson template's dependencies. Runtimes share it between lessons
 * (and, in the local runner, between tabs), so nothing a page sends may touch it.
 */
export const DEPENDENCIES_DIR = 'node_modules';

/** Segments of a path a page may name: inside the workspace, outside node_modules; the root only as a working directory. */
export function checkedWorkspacePath(path: string, { allowRoot = false } = {}): string[] {
  const segments = workspacePathSegments(path);
  if (segments.length === 0 && !allowRoot) throw new WorkspacePathError(`"${path}" is the workspace itself; name a file or folder inside it.`);
  if (segments[0] === DEPENDENCIES_DIR) {
    throw new WorkspacePathError(`"${path}" is inside node_modules, the lesson template's shared dependencies; runtimes do not let a page change it.`);
  }
  return segments;
}
