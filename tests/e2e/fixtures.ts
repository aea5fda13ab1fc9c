/**
 * The `test` every browser test uses. It watches the page like a strict reviewer: any console
 * error or uncaught exception fails the test, and no request may leave localhost (requests to
 * other hosts are aborted and reported). Tests that expect the WebContainer boot to try
 * StackBlitz list those hosts in `allowedExternalHosts`. Every test's browser has opened the
 * local runner's sign-in link first (RUNNER_SIGN_IN_URL, the link `npm start` prints), as a
 * learner does once; tests of the signed-out page say `signIn: false`.
 */
import { test as base, expect } from '@playwright/test';

interface Watch {
  consoleErrors: string[];
  externalRequests: string[];
}

interface Options {
  allowedExternalHosts: string[];
  allowedConsoleErrors: RegExp[];
  signIn: boolean;
}

export const test = base.extend<Options & { watch: Watch; signedIn: void }>({
  allowedExternalHosts: [[], { option: true }],
  allowedConsoleErrors: [[], { option: true }],
  signIn: [true, { option: true }],
  signedIn: [
    async ({ context, signIn }, use) => {
      const link = process.env.RUNNER_SIGN_IN_URL;
      // The same exchange a click on the printed link makes: the answer's cookie lands in this context.
      if (signIn && link) expect((await context.request.get(link, { maxRedirects: 0 })).status()).toBe(302);
      await use();
    },
    { auto: true },
  ],
  watch: [
    async ({ page, allowedExternalHosts, allowedConsoleErrors }, use) => {
      const watch: Watch = { consoleErrors: [], externalRequests: [] };
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (!allowedConsoleErrors.some((pattern) => pattern.test(text))) watch.consoleErrors.push(text);
      });
      page.on('pageerror', (error) => watch.consoleErrors.push(`uncaught: ${error.message}`));
      await page.route(
        (url) => !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) && (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:'),
        async (route) => {
          const host = new URL(route.request().url()).hostname;
          if (!allowedExternalHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))) {
            watch.externalRequests.push(route.request().url());
          }
          await route.abort('internetdisconnected');
        },
      );
      await use(watch);
      expect(watch.consoleErrors, 'console errors').toEqual([]);
      expect(watch.externalRequests, 'requests that left localhost').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
