/**
 * Finds source locations in a Node stack trace (or any output) and maps them to the
 * learner's own files, so the UI can turn them into "open at this line" links.
 *
 * Runtimes put the workspace in different places (a temp folder for the local runner,
 * `/home/<project>` in a WebContainer), so a location is matched against the learner's file
 * list by its path suffix rather than by a known root. Frames in node_modules, Node's
 * internals (`node:internal/…`) and the playground's own `.agent/` are never links.
 */

export interface SourceLocation {
  /** Workspace-relative path of a learner file. */
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based, when the trace gives one. */
  column?: number;
}

export interface LinkedLocation extends SourceLocation {
  /** The location exactly as it appears in the text (`file:///tmp/ws/server.js:12:5`). */
  text: string;
}

/** Plain text, or a location in a learner file. */
export type TraceSegment = string | LinkedLocation;

/**
 * `file://` URLs, absolute POSIX or Windows paths, or a relative path (which must then be
 * a learner file exactly), followed by `:line` and optionally `:column`.
 */
const LOCATION =
  /(file:\/\/[^\s()'"]+?|[A-Za-z]:[\\/][^\s()'"]+?|\/[^\s()'"]+?|(?<![\w/.:@-])[\w.-]+(?:\/[\w.-]+)*?):(\d+)(?::(\d+))?(?!\d)/g;

/** Splits `text` into plain parts and links to learner files. */
export function linkStackTrace(text: string, files: readonly string[]): TraceSegment[] {
  const segments: TraceSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(LOCATION)) {
    const [whole, rawPath = '', line = '', column] = match;
    const path = toWorkspacePath(rawPath, files);
    if (path === undefined) continue;
    if (match.index > last) segments.push(text.slice(last, match.index));
    segments.push({ text: whole, path, line: Number(line), ...(column ? { column: Number(column) } : {}) });
    last = match.index + whole.length;
  }
  if (last < text.length) segments.push(text.slice(last));
  return segments;
}

/** Every learner-file location in `text`, in order (e.g. the first one is where an error was thrown). */
export function findStackFrames(text: string, files: readonly string[]): LinkedLocation[] {
  return linkStackTrace(text, files).filter((segment): segment is LinkedLocation => typeof segment !== 'string');
}

/** The learner file a path in a trace refers to, or `undefined` when it is not one of theirs. */
export function toWorkspacePath(location: string, files: readonly string[]): string | undefined {
  let path = location;
  if (path.startsWith('file://')) {
    try {
      path = decodeURIComponent(new URL(path).pathname);
    } catch {
      return undefined;
    }
  }
  path = path.replaceAll('\\', '/');
  if (/(^|\/)(node_modules|\.agent)\//.test(path)) return undefined;
  if (!path.startsWith('/') && !/^[A-Za-z]:\//.test(path)) return files.includes(path) ? path : undefined;
  let best: string | undefined;
  for (const file of files) {
    if (path.endsWith(`/${file}`) && (best === undefined || file.length > best.length)) best = file;
  }
  return best;
}

/**
 * The output from the last line that names an error (`TypeError: …`, `Error [ERR_…]`) on,
 * without terminal colour codes: where the newest stack trace starts. All of it when no
 * line names an error.
 */
export function latestErrorText(output: string): string {
  const clean = output.replace(/\x1b\[[0-9;]*m/g, '');
  let start = 0;
  for (const match of clean.matchAll(/^.*\b\w*(Error|Exception)\b.*$/gm)) start = match.index;
  return clean.slice(start);
}

/** Each location once, first occurrence kept (a recursive call repeats frames). */
export function uniqueFrames(frames: LinkedLocation[]): LinkedLocation[] {
  const seen = new Set<string>();
  return frames.filter((frame) => {
    const key = `${frame.path}:${frame.line}:${frame.column ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
