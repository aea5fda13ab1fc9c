/**
 * `npm run test:e2e`: builds if needed, serves the production build on a free port, runs the
 * Playwright suite in Debian's Chromium against it (handing it the local runner's sign-in link,
 * as `npm start` prints it, in RUNNER_SIGN_IN_URL), and stops the server.
 * Without Chromium: a failure under CI=true; otherwise a loud notice and a skip.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, ensureBuild, serveApp } from '../app-server.ts';
import { chromiumPath } from '../chromium.ts';
import { freePort } from '../../agent/free-port.ts';

const reportFile = join(REPO_ROOT, 'reports', 'playwright.json');
mkdirSync(join(REPO_ROOT, 'reports'), { recursive: true });

const chromium = chromiumPath();
if (!chromium) {
  const notice = [
    '',
    '!'.repeat(72),
    '!! Browser tests SKIPPED: no Chromium found (looked at $CHROME_PATH and /usr/bin/chromium).',
    '!! Install it with:   sudo apt-get install chromium',
    '!! or point CHROME_PATH at a Chromium/Chrome binary.',
    '!'.repeat(72),
    '',
  ].join('\n');
  console.error(notice);
  writeFileSync(reportFile, JSON.stringify({ skipped: 'no chromium' }));
  process.exit(process.env.CI === 'true' ? 1 : 0);
}

await ensureBuild();
const port = await freePort();
const app = await serveApp(port);
console.log(`e2e: serving ${app.url} with ${chromium}`);

const extraArgs = process.argv.slice(2);
const code = await new Promise<number>((resolve) => {
  const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'playwright'), ['test', ...extraArgs], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, BASE_URL: app.url, RUNNER_SIGN_IN_URL: app.signInUrl, CHROME_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile },
  });
  child.on('exit', (exitCode) => resolve(exitCode ?? 1));
});
await app.close();
process.exit(code);
