/**
 * Builds the app when the build is missing or stale, then serves the production build with
 * Vite's preview server (which carries the isolation headers and the local runner plugin).
 * Used by `npm start`, the e2e harness and the benchmark, so all three run the same thing.
 */
import { build, preview, type PreviewServer } from 'vite';
import { fileURLToPath } from 'node:url';
import { isBuildFresh, recordBuild } from './build-freshness.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function ensureBuild(log: (line: string) => void = console.log): Promise<void> {
  if (isBuildFresh(REPO_ROOT)) return;
  log('Building the app (sources changed since the last build)…');
  await build({ root: REPO_ROOT, logLevel: 'warn' });
  recordBuild(REPO_ROOT);
}

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

export async function serveApp(port: number): Promise<RunningApp> {
  const server: PreviewServer = await preview({
    root: REPO_ROOT,
    logLevel: 'warn',
    preview: { port, strictPort: true, host: 'localhost', open: false },
  });
  return {
    url: `http://localhost:${port}/`,
    close: () => server.close(),
  };
}
