/**
 * An error as one line for a note: no terminal colours, no stack frames, and no Playwright
 * call log — a table note needs only what went wrong. Built on the shared `errorText`; the
 * bench's modules import this one for the clean-up.
 */
import { errorText as plainErrorText } from '../../shared/error-text.ts';

export function errorText(error: unknown, maxLength = 400): string {
  const line = plainErrorText(error)
    // Terminal colour codes (ESC [ … m) that Playwright puts in its messages.
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split(/\n\s*Call log:/)[0]!
    .split('\n')
    .filter((part) => part.trim() && !/^\s+at /.test(part))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > maxLength ? `${line.slice(0, maxLength)}…` : line;
}
