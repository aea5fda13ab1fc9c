/**
 * Builds the app when the build is missing or stale, then serves the production build with
 * Vite's preview server (which carries the app's headers and the local runner plugin).
 * Used by `npm start`, the e2e harness and the benchmark, so all three run the same thing —
 * including the local runner's sign-in link, which they open to get the runner's cookie.
 */
import { build, preview, type PreviewServer } from 'vite';
import { fileURLToPath } from 'node:url';
import { isBuildFresh, recordBuild } from './build-freshness.ts';
import { RUNNER_PLUGIN_NAME, type RunnerPluginApi } from './runner/vite-plugin-runner.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function ensureBuild(log: (line: string) => void = console.log): Promise<void> {
  if (isBuildFresh(REPO_ROOT)) return;
  log('Building the app (sources changed since the last build)…');
  await build({ root: REPO_ROOT, logLevel: 'warn' });
  recordBuild(REPO_ROOT);
}

export interface RunningApp {
  url: string;
  /** `url` with the local runner's token: opening it once signs a browser in. */
  signInUrl: string;
  /** The 0600 file holding `signInUrl`, when it could be written. */
  tokenFile: string | undefined;
  close(): Promise<void>;
}

export async function serveApp(port: number): Promise<RunningApp> {
  const server: PreviewServer = await preview({
    root: REPO_ROOT,
    logLevel: 'warn',
    preview: { port, strictPort: true, host: 'localhost', open: false },
  });
  const runner = server.config.plugins.find((plugin) => plugin.name === RUNNER_PLUGIN_NAME)?.api as RunnerPluginApi | undefined;
  const signInUrl = runner?.signInUrl();
  if (!signInUrl) {
    await server.close();
    throw new Error('The preview server has no local runner sign-in link; is localRunnerPlugin missing from vite.config.ts?');
  }
  return {
    url: `http://localhost:${port}/`,
    signInUrl,
    tokenFile: runner?.tokenFile(),
    close: () => server.close(),
  };
}
