/**
 * Issue 19, as a learner meets it: messages about the current run only, Check with the server
 * down, Run's error position in `sql` lessons, a laptop-sized screen, what Ctrl/Cmd+Enter does,
 * Copy as curl with the real port, and the HTTP client's cookie jar and Bearer helper.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openFirstLesson, replaceEditorText } from './workspace-helpers.ts';

const SQL_LESSON = '/?runtime=none#/databases/select-basics';

async function openSqlLesson(page: Page): Promise<void> {
  await page.goto(SQL_LESSON);
  await expect(page.getByRole('region', { name: 'Editor' }).getByRole('heading', { name: 'query.sql' })).toBeVisible();
}

/** Puts `server` into server.js and saves (Ctrl/Cmd+S restarts the server at once). */
async function saveServer(page: Page, server: string): Promise<void> {
  await replaceEditorText(page, server);
  await page.keyboard.press('ControlOrMeta+S');
}

test('the status line describes the current crash, not an older one, with its exit code and a link to the line', async ({ page }) => {
  await openFirstLesson(page);
  const status = page.getByRole('banner').getByRole('status');
  await saveServer(page, "import express from 'express';\nconst app = express(;\n");
  await expect(status).toContainText('SyntaxError', { timeout: 30_000 });

  await saveServer(page, "import express from 'express';\n\nthrow new Error('boom');\n");
  await expect(status).toContainText('Error: boom', { timeout: 30_000 });
  await expect(status).toContainText('exited with code 1');
  await expect(status).not.toContainText('SyntaxError');
  await status.getByRole('button', { name: 'Open server.js at line 3' }).click();
  await expect(page.getByRole('region', { name: 'Editor' }).getByRole('heading', { name: 'server.js' })).toBeVisible();
});

test('with the server down, Check says so first and gives no route advice', async ({ page }) => {
  await openFirstLesson(page);
  await saveServer(page, "import express from 'express';\n\nthrow new Error('down for the test');\n");
  await expect(page.getByRole('banner').getByText('Server crashed')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const checks = page.getByRole('region', { name: 'Checks' });
  await expect(checks.getByText(/\d+ of \d+ checks passed/)).toBeVisible({ timeout: 60_000 });
  const firstMessage = checks.locator('.check-message').first();
  await expect(firstMessage).toContainText(/^Your server is not running/);
  await expect(checks).not.toContainText('Add a route');
  await expect(checks).not.toContainText('A 404 means');
});

test('Run in a sql lesson points at the line and column of the error, as Check does', async ({ page }) => {
  await openSqlLesson(page);
  await replaceEditorText(page, 'SELECT name, price_cents\nFROM products\nORDER BY price_cents DESC,, name;');
  await page.keyboard.press('ControlOrMeta+Enter');
  const error = page.getByRole('region', { name: 'Database' }).getByRole('alert');
  await expect(error).toContainText('syntax error', { timeout: 30_000 });
  await expect(error.getByRole('button', { name: 'Open query.sql at line 3' })).toBeVisible();
  await expect(error).toContainText('query.sql:3:27');
});

test('Ctrl/Cmd+Enter is described as what it does in each kind of lesson', async ({ page }) => {
  await openSqlLesson(page);
  const checks = page.getByRole('region', { name: 'Checks' });
  await expect(checks).toContainText('Ctrl/Cmd+Enter runs your query');
  await page.getByRole('group', { name: 'Lesson actions' }).getByText('Keyboard').click();
  await expect(page.getByRole('group', { name: 'Keyboard shortcuts' })).toContainText('Runs your query');
  await expect(page.getByRole('group', { name: 'Keyboard shortcuts' })).toContainText('Ctrl+M');

  await openFirstLesson(page);
  await expect(checks).toContainText('Press Check (Ctrl/Cmd+Enter) to run them');
});

test.describe('on a 1280×720 laptop screen', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('every tab name and the Checks heading are whole, and a response shows without scrolling the page', async ({ page }) => {
    await openFirstLesson(page);
    const tabs = page.getByRole('tablist').getByRole('tab');
    await expect(tabs).toHaveText(['Output', 'HTTP client', 'Database', 'Request log']);
    for (const tab of await tabs.all()) {
      await expect(tab).toBeInViewport({ ratio: 1 });
      expect(await tab.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    }
    const heading = page.getByRole('heading', { name: 'Checks', exact: true });
    await expect(heading).toBeInViewport({ ratio: 1 });
    expect(await heading.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

    await page.getByRole('tab', { name: 'HTTP client' }).click();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Response' }).locator('.http-status')).toBeInViewport({ timeout: 30_000 });
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
  });
});

const SESSION_SERVER = `import express from 'express';
const app = express();
app.post('/login', (req, res) => {
  res.cookie('sid', 'abc123');
  res.json({ token: 'tok-42' });
});
app.get('/me', (req, res) => res.json({ cookie: req.headers.cookie ?? null, authorization: req.headers.authorization ?? null }));
app.listen(process.env.PORT ?? 3000);
`;

test('the HTTP client keeps cookies like a browser, sends a Bearer token from a response, and copies curl with the real port', async ({ page }) => {
  test.setTimeout(120_000); // four requests and a restart, on a busy machine
  await openFirstLesson(page);
  await saveServer(page, SESSION_SERVER);
  await expect(page.getByRole('banner').getByText('Server running')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'HTTP client' }).click();
  const client = page.getByRole('region', { name: 'HTTP client' });
  await client.getByLabel('Method').selectOption('POST');
  await client.getByLabel('Path').fill('/login');
  await client.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(client.getByRole('region', { name: 'Response' })).toContainText('tok-42', { timeout: 30_000 });
  await expect(client.getByText('Cookies (1)')).toBeVisible();

  await client.getByLabel('Method').selectOption('GET');
  await client.getByLabel('Path').fill('/me');
  await client.getByText(/^Headers/).click();
  await client.getByRole('button', { name: 'Authorization: Bearer token from the last response' }).click();
  await client.getByRole('button', { name: 'Send', exact: true }).click();
  const response = client.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('sid=abc123', { timeout: 30_000 });
  await expect(response).toContainText('Bearer tok-42');

  await response.getByRole('button', { name: 'Copy as curl' }).click();
  const curl = await client.getByRole('textbox', { name: 'curl command' }).inputValue();
  expect(curl).toMatch(/^curl '?http:\/\/localhost:\d+\/me/);
  expect(curl).toMatch(/-H 'cookie: sid=abc123'/i);
  expect(curl).not.toContain('localhost:3000');

  // The Cookies section is open once the jar holds a cookie.
  await client.getByRole('button', { name: 'Clear cookies' }).click();
  await expect(client.getByText('Cookies (0)')).toBeVisible();
  await client.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(response).toContainText('"cookie": null', { timeout: 30_000 });
});

test('a debugging lesson opens its explanation after the first Check, and keeps it open after a reload', async ({ page }) => {
  await page.goto('/?runtime=local#/debugging/stack-trace');
  const explanation = page.locator('details.after-check').first();
  await expect(explanation.getByText(/What was wrong/)).toBeVisible({ timeout: 30_000 });
  await expect(explanation).not.toHaveAttribute('open');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Checks' }).getByText(/\d+ of \d+ checks passed/)).toBeVisible({ timeout: 60_000 });
  await expect(explanation).toHaveAttribute('open');
  await page.reload();
  await expect(page.locator('details.after-check').first()).toHaveAttribute('open', '', { timeout: 30_000 });
});
