/**
 * Text (a stack trace, server output, a check message) with every location in a learner file
 * turned into a button that opens the file at that line, the first one highlighted (where the
 * error happened in the learner's code), and runs of node_modules frames folded. Rendered as
 * text nodes only.
 */
import { linkStackTrace, type SourceLocation } from '../stack-trace.ts';
import { foldLibraryFrames } from '../text/readable-output.ts';
import './inspectors.css';

export type OpenFileAt = (path: string, line: number, column?: number) => void;

export interface StackTraceTextProps {
  text: string;
  /** The learner's files (workspace-relative paths): only these become links. */
  files: readonly string[];
  openFileAt: OpenFileAt;
  /** `pre` keeps line breaks (logs, traces); `p` and `span` flow (a message). */
  as?: 'pre' | 'p' | 'span';
  class?: string;
}

export function StackTraceText({ text, files, openFileAt, as: Tag = 'pre', class: className }: StackTraceTextProps) {
  return (
    <Tag class={className}>
      {linkStackTrace(foldLibraryFrames(text), files).map((segment, index, segments) =>
        typeof segment === 'string' ? (
          segment
        ) : (
          <SourceLink key={index} location={segment} title={segment.text} openFileAt={openFileAt} first={segments.findIndex((other) => typeof other !== 'string') === index} />
        ),
      )}
    </Tag>
  );
}

/** `first`: the first location in the learner's files, where the error happened — highlighted. */
export function SourceLink({ location, openFileAt, title, first = false }: { location: SourceLocation; openFileAt: OpenFileAt; title?: string; first?: boolean }) {
  const { path, line, column } = location;
  return (
    <button
      type="button"
      class={first ? 'source-link source-link-first' : 'source-link'}
      title={title}
      aria-label={`Open ${path} at line ${line}`}
      onClick={() => openFileAt(path, line, column)}
    >
      {path}:{line}
      {column !== undefined ? `:${column}` : ''}
    </button>
  );
}
