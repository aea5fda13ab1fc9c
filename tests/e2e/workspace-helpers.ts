/** How the workspace tests act on the editor and wait for the learner's server, like a user would. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

export const FIRST_LESSON = '/?runtime=local#/apis/first-route';

export const FIXED_SERVER = `import express from 'express';

const app = express();

app.get('/hello', (req, res) => {
  res.json({ message: 'Hello, world!' });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(\`Server listening on http://localhost:\${port}\`);
});
`;

/** The text Monaco shows (its rendering uses non-breaking spaces). */
export async function editorText(page: Page): Promise<string> {
  const text = await page.locator('.editor-panel .monaco-editor .view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

export async function expectEditorToContain(page: Page, snippet: string): Promise<void> {
  await expect.poll(() => editorText(page), { timeout: 15_000 }).toContain(snippet);
}

/** Replaces the open file's text by typing into Monaco: click, select all, type. */
export async function replaceEditorText(page: Page, text: string): Promise<void> {
  await page.locator('.editor-panel .monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

export async function openFirstLesson(page: Page): Promise<void> {
  await page.goto(FIRST_LESSON);
  await expect(page.getByRole('heading', { level: 1, name: /Your first route/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Editor' }).getByRole('heading', { name: 'server.js' })).toBeVisible();
  await expectEditorToContain(page, 'TODO');
  await expect(page.getByText('Server running')).toBeVisible({ timeout: 30_000 });
}

export async function runChecks(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Checks' }).getByText(/\d+ of \d+ checks passed/)).toBeVisible({ timeout: 30_000 });
}
