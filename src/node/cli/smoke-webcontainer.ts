/**
 * `npm run smoke:webcontainer`: the one test that runs a *real* WebContainer, for maintainers
 * with internet access (it is not part of `npm test`). It serves the app with Vite's dev server
 * on loopback, opens a server lesson in Debian's Chromium with `?runtime=webcontainer`, waits for
 * the learner's server, applies the solution and runs Check, switches to the next server lesson,
 * and counts what the page's WebContainer session still runs: exactly one agent process and at
 * most one open port (the learner's server) are expected.
 *
 * WebContainers boot from StackBlitz's servers; when those cannot be reached the test says so
 * and exits 0 within seconds, so it can sit in any checklist.
 */
import { chromium, type Page } from '@playwright/test';
import { createServer } from 'vite';
import { freePort } from '../../agent/free-port.ts';
import { REPO_ROOT } from '../app-server.ts';
import { pickLessons } from '../bench/lesson-picks.ts';
import { SERVER_RUNNING, applySolution, clickCheck } from '../bench/ui-actions.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';
import { errorText } from '../../shared/error-text.ts';
import { join } from 'node:path';

const STACKBLITZ = 'https://stackblitz.com/headless';
const REACH_TIMEOUT_MS = 8000;
/** Boot, snapshot download and unpacking on a real network: generous, still bounded. */
const STEP_TIMEOUT_MS = 180_000;
const CHECKS_SUMMARY = /\d+ of \d+ checks? passed/i;

async function unreachableReason(): Promise<string | undefined> {
  try {
    const response = await fetch(STACKBLITZ, { method: 'HEAD', signal: AbortSignal.timeout(REACH_TIMEOUT_MS) });
    return response.status >= 500 ? `it answered HTTP ${response.status}` : undefined;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause ? `${errorText(error)}: ${errorText(cause)}` : errorText(error);
  }
}

async function waitForText(page: Page, pattern: RegExp, what: string): Promise<string> {
  const locator = page.getByText(pattern).first();
  try {
    await locator.waitFor({ timeout: STEP_TIMEOUT_MS });
  } catch {
    throw new Error(`${what} did not show within ${STEP_TIMEOUT_MS / 1000} s.`);
  }
  return (await locator.textContent()) ?? '';
}

/** What the page's WebContainer session runs, read from the app's own module in the dev server. */
function sessionDiagnostics(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    // A path the dev server serves, not one TypeScript resolves: the app's own module instance.
    const modulePath = '/src/app/state/runtime-session.ts';
    const session = (await import(/* @vite-ignore */ modulePath)) as { sessionRuntime(): Promise<{ kind: string; diagnostics?: () => unknown } | undefined> };
    const runtime = await session.sessionRuntime();
    return runtime?.kind === 'webcontainer' ? runtime.diagnostics?.() : { kind: runtime?.kind ?? 'none' };
  });
}

const unreachable = await unreachableReason();
if (unreachable) {
  console.log(`SKIPPED: StackBlitz (${STACKBLITZ}) cannot be reached from this machine (${unreachable}).`);
  console.log('WebContainers boot from StackBlitz’s servers, so this smoke test needs internet access. Nothing was tested.');
  process.exit(0);
}
const executablePath = chromiumPath();
if (!executablePath) {
  console.error('No Chromium found (looked at $CHROME_PATH and /usr/bin/chromium): install it with `sudo apt-get install chromium`.');
  process.exit(1);
}

const lessons = (await pickLessons(join(REPO_ROOT, 'lessons'))).ordered.filter((lesson) => lesson.meta.kind === 'server' && lesson.meta.mode !== 'assessment');
const [first, second] = lessons;
if (!first || !second) {
  console.error('The curriculum needs two server lessons for this test.');
  process.exit(1);
}
const port = await freePort();
const server = await createServer({ root: REPO_ROOT, logLevel: 'warn', server: { host: '127.0.0.1', port, strictPort: true } });
await server.listen();
// Offline flags minus the ones that would keep StackBlitz's iframe from loading.
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS.filter((flag) => flag !== '--disable-background-networking') });
let failed = false;
try {
  const page = await browser.newPage();
  const origin = `http://localhost:${port}`;
  const started = Date.now();
  await page.goto(`${origin}/?runtime=webcontainer#/${first.id}`);
  console.log(`Opened ${first.id} with ?runtime=webcontainer`);
  console.log(`  runtime: ${await waitForText(page, /Running in WebContainers|could not start/, 'The runtime choice')}`);
  await waitForText(page, SERVER_RUNNING, 'The learner’s server');
  console.log(`  server running after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (await applySolution(page)) await waitForText(page, SERVER_RUNNING, 'The restarted server');
  await clickCheck(page);
  console.log(`  Check: ${await waitForText(page, CHECKS_SUMMARY, 'The check summary')}`);
  await page.evaluate((hash) => (location.hash = hash), `#/${second.id}`);
  await waitForText(page, SERVER_RUNNING, `The server of ${second.id}`);
  console.log(`Switched to ${second.id}: server running`);
  const diagnostics = (await sessionDiagnostics(page)) as { processes?: number; openPorts?: number[] };
  console.log(`  session: ${JSON.stringify(diagnostics)}`);
  if (diagnostics.processes !== 1 || (diagnostics.openPorts?.length ?? 0) > 1) {
    failed = true;
    console.error('FAILED: expected exactly one agent process and at most one open port after switching lessons.');
  } else {
    console.log('PASSED');
  }
} catch (error) {
  failed = true;
  console.error(`FAILED: ${errorText(error)}`);
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
