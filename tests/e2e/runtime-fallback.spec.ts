/**
 * Issue #4's promise on a machine that cannot reach StackBlitz: with no runtime forced, a
 * server lesson tries WebContainers, gives up within the 20 s boot deadline, says why, and runs on
 * the local runner — and a request sent through the agent returns the learner's real server's
 * answer (here Express's own 404 for the route the starter has not written yet).
 */
import { test, expect } from './fixtures.ts';

// The WebContainer boot legitimately tries StackBlitz's hosts; the fixture aborts those requests.
test.use({
  allowedExternalHosts: ['stackblitz.com', 'stackblitz.io', 'staticblitz.com', 'webcontainer.io', 'webcontainer-api.io'],
  allowedConsoleErrors: [/ERR_INTERNET_DISCONNECTED|Failed to load resource|stackblitz|webcontainer/i],
});

test('a server lesson falls back to the local runner and the HTTP client reaches the real server', async ({ page }) => {
  await page.goto('/#/apis/first-route');
  await expect(page.getByText(/^WebContainers could not start \(.+\) — using the local runner on this machine\./)).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole('button', { name: 'Try WebContainers again' })).toBeVisible();
  await expect(page.getByText('Server running')).toBeVisible({ timeout: 30_000 });

  await page.getByRole('tab', { name: 'HTTP client' }).click();
  await page.getByLabel('Method').selectOption('GET');
  await page.getByLabel('Path').fill('/hello');
  await page.getByRole('button', { name: 'Send', exact: true }).click();

  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('404');
  await expect(response.getByLabel('Response body')).toContainText('Cannot GET /hello');
});
