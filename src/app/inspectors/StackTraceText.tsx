/**
 * Text (a stack trace, server output, a check message) with every location in a learner file
 * turned into a button that opens the file at that line. Rendered as text nodes only.
 */
import { linkStackTrace, type SourceLocation } from '../stack-trace.ts';
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
      {linkStackTrace(text, files).map((segment, index) =>
        typeof segment === 'string' ? segment : <SourceLink key={index} location={segment} title={segment.text} openFileAt={openFileAt} />,
      )}
    </Tag>
  );
}

export function SourceLink({ location, openFileAt, title }: { location: SourceLocation; openFileAt: OpenFileAt; title?: string }) {
  const { path, line, column } = location;
  return (
    <button
      type="button"
      class="source-link"
      title={title}
      aria-label={`Open ${path} at line ${line}`}
      onClick={() => openFileAt(path, line, column)}
    >
      {path}:{line}
      {column !== undefined ? `:${column}` : ''}
    </button>
  );
}
