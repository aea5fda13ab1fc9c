/**
 * What the header says about a crashed server, from the agent's crash report ("Your server
 * exited with code 1.\nIts last output:\n…"): the first line (how it ended, with the exit code),
 * the newest error line of the output (older errors from earlier runs are history), and the
 * first location in the learner's files, for a link.
 */
import { findStackFrames, latestErrorText, type LinkedLocation } from './stack-trace.ts';

export interface CrashHeadline {
  text: string;
  location?: LinkedLocation;
}

const ERROR_LINE = /^(?:Uncaught )?(?:[A-Z]\w*)?(?:Error|Exception)\b.*$/;

export function crashHeadline(report: string, files: readonly string[]): CrashHeadline {
  const lines = report.split('\n').map((line) => line.trim()).filter(Boolean);
  const first = lines[0] ?? report;
  const cause = lines.findLast((line) => ERROR_LINE.test(line));
  const text = cause && cause !== first ? `${first} ${cause}` : first;
  // A SyntaxError names its place above the error line (`/ws/server.js:3`), so fall back to the whole report.
  const location = findStackFrames(latestErrorText(report), files)[0] ?? findStackFrames(report, files)[0];
  return location ? { text, location } : { text };
}
