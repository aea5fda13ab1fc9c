import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.ts';
import { editorText, expectEditorToContain, replaceEditorText } from './workspace-helpers.ts';

test('the HTTP client gets the learner’s real response, and the database browser shows the row it created', async ({ page }) => {
  await page.goto('/?runtime=local#/apis/crud-sqlite');
  await expect(page.getByText('Server running')).toBeVisible({ timeout: 30_000 });

  await page.getByRole('tab', { name: 'HTTP client' }).click();
  const client = page.getByRole('region', { name: 'HTTP client' });
  await client.getByRole('button', { name: 'Create a task' }).click();
  await expect(client.getByRole('combobox', { name: 'Method' })).toHaveValue('POST');
  await client.getByRole('textbox', { name: 'Request body' }).fill('{ "title": "Water the plants" }');
  // Ctrl/Cmd+Enter inside the panel sends (and does not run the checks).
  await client.getByRole('textbox', { name: 'Path' }).press('ControlOrMeta+Enter');

  const response = client.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('201 Created');
  await expect(response.getByRole('group', { name: 'Response body' })).toContainText('"Water the plants"');
  await expect(page.getByRole('region', { name: 'Checks' }).getByText('Press Check')).toBeVisible();

  await page.getByRole('tab', { name: /Request log/ }).click();
  await expect(page.getByRole('region', { name: 'Request log' }).getByRole('row', { name: /POST \/tasks 201/ })).toBeVisible();

  await page.getByRole('tab', { name: 'Database' }).click();
  const database = page.getByRole('region', { name: 'Database' });
  await expect(database.getByRole('button', { name: /tasks/ })).toBeVisible({ timeout: 15_000 });
  await expect(database.getByRole('table', { name: 'Rows of tasks' })).toContainText('Water the plants');

  await database.getByText('Run SQL on a copy').click();
  await database.getByRole('textbox', { name: 'SQL to run on a copy' }).fill("SELECT title, NULL AS missing FROM tasks WHERE title = 'Water the plants'");
  await database.getByRole('button', { name: 'Run SQL' }).click();
  const result = database.getByRole('table', { name: 'Query result' });
  await expect(result).toContainText('Water the plants');
  await expect(result.getByRole('cell', { name: 'NULL' })).toBeVisible();

  // History survives a reload (IndexedDB) and can send the request again.
  await page.reload();
  await expect(page.getByText('Server running')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'HTTP client' }).click();
  await page.getByText('History (1)').click();
  await page.getByRole('button', { name: 'Send POST /tasks again' }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('201 Created');
});

test('a sql lesson runs its query and passes Check with no runtime at all', async ({ page }) => {
  await page.goto('/?runtime=none#/databases/select-basics');
  await expect(page.getByRole('banner')).toContainText('?runtime=none');
  await expectEditorToContain(page, 'SELECT');

  await replaceEditorText(page, 'SELECT name, price_cents\nFORM products;');
  await page.keyboard.press('ControlOrMeta+Enter');
  const database = page.getByRole('region', { name: 'Database' });
  const error = database.getByRole('alert');
  await expect(error).toContainText('near "products": syntax error');
  await error.getByRole('button', { name: 'Open query.sql at line 2' }).click();

  await replaceEditorText(page, 'SELECT name, price_cents\nFROM products\nWHERE price_cents < 2000 AND stock > 0\nORDER BY price_cents DESC, name\nLIMIT 10;');
  await expectEditorToContain(page, 'LIMIT 10');
  await page.keyboard.press('ControlOrMeta+Enter');
  const grid = database.getByRole('table', { name: 'Query result' });
  await expect(grid.getByRole('columnheader')).toHaveText(['name', 'price_cents']);
  await expect(database.getByText(/^10 rows/)).toBeVisible();

  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Checks' }).getByText('5 of 5 checks passed')).toBeVisible({ timeout: 30_000 });
});

test('a stack frame in the output opens the file at the failing line', async ({ page }) => {
  await page.goto('/?runtime=local#/apis/first-route');
  await expect(page.getByText('Server running')).toBeVisible({ timeout: 30_000 });
  await expectEditorToContain(page, 'TODO');
  await replaceEditorText(page, "import express from 'express';\n\nconst app = express();\nconst settings = null;\nconsole.log(settings.port);\n");
  await expectEditorToContain(page, 'settings.port');
  await page.keyboard.press('ControlOrMeta+S');

  const frames = page.getByRole('group', { name: 'Stack frames in the output' });
  await frames.getByRole('button', { name: 'Open server.js at line 5' }).click({ timeout: 30_000 });
  const activeLine = page.locator('.editor-panel .monaco-editor .line-numbers.active-line-number');
  await expect(activeLine).toHaveText('5');
  expect(await editorText(page)).toContain('settings.port');
});

test('an assessment holds hints back, counts attempts, and gives a score and a report once submitted', async ({ page }) => {
  await page.goto('/?runtime=local#/apis/assessment');
  await expect(page.getByText('Server running')).toBeVisible({ timeout: 30_000 });
  const bar = page.getByRole('region', { name: 'Assessment' });
  await expect(bar).toContainText('0 attempts');
  await expect(page.getByRole('button', { name: 'Solve' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Show a hint' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Checks' }).getByText(/\d+ of \d+ checks passed/)).toBeVisible({ timeout: 60_000 });
  await expect(bar).toContainText('1 attempt');

  await bar.getByRole('button', { name: 'Submit', exact: true }).click();
  await bar.getByRole('button', { name: 'Submit for grading' }).click();
  await expect(bar).toContainText(/Score: \d+ of \d+/, { timeout: 60_000 });
  await expect(bar).toContainText('2 attempts');
  await expect(page.getByRole('button', { name: 'Solve' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show a hint' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /Self-assessment: an events API.*score \d+ of \d+/ })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await bar.getByRole('button', { name: 'Download report (JSON)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^apis-assessment-report-\d{4}-\d{2}-\d{2}\.json$/);
  const report = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(report).toMatchObject({ format: 'backend-playground/assessment-report', lesson: { id: 'apis/assessment' }, score: { attempts: 2, submitted: true } });
  expect(report.files['server.js']).toContain('express');

  const popup = page.waitForEvent('popup');
  await bar.getByRole('button', { name: 'Printable report' }).click();
  const printable = await popup;
  await expect(printable.getByRole('heading', { level: 1 })).toHaveText('Assessment report: Self-assessment: an events API');
  await expect(printable.getByRole('button', { name: 'Print' })).toBeVisible();
});
