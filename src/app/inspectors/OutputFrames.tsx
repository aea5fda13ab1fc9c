/**
 * Under the output terminal: the learner-file locations of the latest stack trace, as
 * buttons that open the editor there (keyboard- and screen-reader-friendly, unlike links
 * drawn inside the terminal canvas).
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { findStackFrames, latestErrorText, uniqueFrames } from '../stack-trace.ts';
import { SourceLink, type OpenFileAt } from './StackTraceText.tsx';

/** Enough output to hold a long trace; older frames are history, not news. */
const TAIL_CHARS = 6000;
const MAX_FRAMES = 6;
/** What ServerOutputStore sends when it is cleared (a terminal reset). */
const RESET = '\x1bc';

export interface OutputSource {
  /** Calls back with everything so far, then with each new chunk; returns an unsubscribe. */
  subscribe(listener: (chunk: string) => void): () => void;
}

export function OutputFrames({ output, files, openFileAt }: { output: OutputSource; files: readonly string[]; openFileAt: OpenFileAt }) {
  const tail = useSignal('');
  useEffect(
    () =>
      output.subscribe((chunk) => {
        const reset = chunk.lastIndexOf(RESET);
        const base = reset >= 0 ? '' : tail.peek();
        tail.value = (base + (reset >= 0 ? chunk.slice(reset + RESET.length) : chunk)).slice(-TAIL_CHARS);
      }),
    [output],
  );
  const frames = uniqueFrames(findStackFrames(latestErrorText(tail.value), files)).slice(0, MAX_FRAMES);
  if (frames.length === 0) return null;
  return (
    <div class="trace-frames" role="group" aria-label="Stack frames in the output">
      <span class="muted">Stack trace:</span>
      {frames.map((frame) => (
        <SourceLink key={`${frame.path}:${frame.line}:${frame.column ?? ''}`} location={frame} title={frame.text} openFileAt={openFileAt} />
      ))}
    </div>
  );
}
