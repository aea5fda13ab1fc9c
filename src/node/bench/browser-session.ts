/**
 * Headless Debian Chromium for the bench: one browser, a fresh context (empty cache, empty
 * IndexedDB) per measured run, and nothing allowed off loopback — a request to another host
 * is aborted and remembered, so a result never depends on the network. Each fresh context opens
 * the local runner's sign-in link first (as a learner clicks the link `npm start` prints), so
 * its pages may use the runner.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';
import { PROBE_SCRIPT } from './page-probe.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface BenchBrowser {
  version: string;
  /** A fresh context and page with the probe installed; close it with `page.context().close()`. */
  freshPage(): Promise<Page>;
  /** Requests that tried to leave loopback (aborted), for the notes. */
  offLoopbackRequests: string[];
  close(): Promise<void>;
}

export async function launchBenchBrowser(signInUrl?: string): Promise<BenchBrowser | undefined> {
  const executablePath = chromiumPath();
  if (!executablePath) return undefined;
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const offLoopbackRequests: string[] = [];
  const guard = async (context: BrowserContext) => {
    await context.route(
      (url) => !LOOPBACK.has(url.hostname) && /^(https?|wss?):$/.test(url.protocol),
      async (route) => {
        offLoopbackRequests.push(route.request().url());
        await route.abort('internetdisconnected');
      },
    );
  };
  return {
    version: `Chromium ${browser.version()}`,
    offLoopbackRequests,
    async freshPage() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await guard(context);
      // The answer's cookie lands in the context; the measured page loads then need no token.
      if (signInUrl) await context.request.get(signInUrl, { maxRedirects: 0 });
      await context.addInitScript({ content: PROBE_SCRIPT });
      return context.newPage();
    },
    close: () => browser.close(),
  };
}
