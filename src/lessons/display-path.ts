/**
 * How lesson problems name files: repo-relative (to the working directory, the repo root for
 * npm scripts and Vite), with `/` on every OS, so messages read the same in CI and on Windows.
 */
import { relative, sep } from 'node:path';

export function displayPath(absolute: string): string {
  return relative(process.cwd(), absolute).split(sep).join('/');
}
