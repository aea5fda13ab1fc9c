import { test, expect } from './fixtures.ts';
import { FIXED_SERVER, editorText, expectEditorToContain, openFirstLesson, replaceEditorText, runChecks } from './workspace-helpers.ts';

test('a learner fails a check, fixes the server in the editor, passes, and keeps it after reload', async ({ page }) => {
  await openFirstLesson(page);
  await expect(page.getByRole('banner')).toContainText('local runner');
  await expect(page.getByRole('region', { name: 'Output' })).toContainText('Server listening on');
  const checks = page.getByRole('region', { name: 'Checks' });

  await runChecks(page);
  await expect(checks.getByText('0 of 3 checks passed')).toBeVisible();
  await expect(checks.getByText('Failed').first()).toBeVisible();
  await expect(checks).toContainText('Add a route for GET /hello');
  await expect(page.getByRole('status').filter({ hasText: '0 of 3 checks passed' })).toBeAttached();

  await replaceEditorText(page, FIXED_SERVER);
  await expectEditorToContain(page, "app.get('/hello'");
  await runChecks(page);
  await expect(checks.getByText('3 of 3 checks passed')).toBeVisible();
  await expect(checks.getByText('Failed')).toHaveCount(0);
  const lessonLink = page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /Your first route/ });
  await expect(lessonLink).toContainText('(completed)');

  await page.reload();
  await expectEditorToContain(page, "app.get('/hello'");
  expect(await editorText(page)).not.toContain('TODO');
  await expect(lessonLink).toContainText('(completed)');
  await expect(page.getByRole('article', { name: 'Lesson: Your first route' })).toContainText('✓ Completed');
});

test('Solve and Reset ask first, change the files, and can each be undone once', async ({ page }) => {
  await openFirstLesson(page);
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeDisabled();

  await page.getByRole('button', { name: 'Solve' }).click();
  const solveDialog = page.getByRole('dialog', { name: 'Show the solution?' });
  await solveDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(solveDialog).toBeHidden();
  expect(await editorText(page)).toContain('TODO');

  await page.getByRole('button', { name: 'Solve' }).click();
  await solveDialog.getByRole('button', { name: 'Apply solution' }).click();
  await expectEditorToContain(page, "app.get('/hello'");
  await runChecks(page);
  await expect(page.getByRole('region', { name: 'Checks' }).getByText('3 of 3 checks passed')).toBeVisible();

  await undo.click();
  await expectEditorToContain(page, 'TODO');
  await expect(undo).toBeDisabled();

  // Escape cancels, even right after a confirmed dialog.
  await page.getByRole('button', { name: 'Solve' }).click();
  await expect(solveDialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(solveDialog).toBeHidden();
  await expect(undo).toBeDisabled();
  expect(await editorText(page)).toContain('TODO');

  await replaceEditorText(page, '// my own attempt\n');
  await expectEditorToContain(page, 'my own attempt');
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('dialog', { name: 'Start over?' }).getByRole('button', { name: 'Reset files' }).click();
  await expectEditorToContain(page, 'TODO');
  expect(await editorText(page)).not.toContain('my own attempt');

  await undo.click();
  await expectEditorToContain(page, 'my own attempt');
  await expect(undo).toBeDisabled();
});

test('the layout is keyboard-resizable and every workspace control has a name', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openFirstLesson(page);
  const separator = page.getByRole('separator', { name: 'Resize lesson text' });
  const before = Number(await separator.getAttribute('aria-valuenow'));
  await separator.focus();
  await page.keyboard.press('ArrowRight');
  await expect(separator).toHaveAttribute('aria-valuenow', String(before + 5));
  for (const name of ['Check', 'Solve', 'Reset', 'Undo', 'Run', 'Export progress']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByLabel('Import progress')).toBeAttached();
  const checkButton = page.getByRole('button', { name: 'Check', exact: true });
  const box = await checkButton.boundingBox();
  expect(box && box.y + box.height).toBeLessThan(720);

  const editorWidth = async () => (await page.getByRole('region', { name: 'Editor' }).boundingBox())?.width ?? 0;
  const narrow = await editorWidth();
  await page.getByRole('button', { name: 'Hide lessons' }).click();
  await expect(page.getByRole('navigation', { name: 'Lessons' })).toBeHidden();
  expect(await editorWidth()).toBeGreaterThan(narrow);
  await page.getByRole('button', { name: 'Show lessons' }).click();
  await expect(page.getByRole('navigation', { name: 'Lessons' })).toBeVisible();
});

test('the editor knows Express: completions list its methods', async ({ page }) => {
  await openFirstLesson(page);
  await replaceEditorText(page, "import express from 'express';\nconst app = express();\napp.lis");
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.editor-panel .suggest-widget')).toContainText('listen', { timeout: 20_000 });
});

test('the status pill shows a crash with its error, and saving a fix brings the server back', async ({ page }) => {
  await openFirstLesson(page);
  await replaceEditorText(page, "import express from 'express';\nthrow new Error('boom from the learner');\n");
  const banner = page.getByRole('banner');
  await expect(banner.getByText('Server crashed')).toBeVisible({ timeout: 20_000 });
  await expect(banner.getByRole('status')).toContainText(/Server crashed.*(exited|Error)/);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();

  await replaceEditorText(page, FIXED_SERVER);
  await page.keyboard.press('ControlOrMeta+S');
  await expect(banner.getByText('Server running')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
});

test('hints come one at a time, and a failing check keeps its hint behind "Show hint"', async ({ page }) => {
  await openFirstLesson(page);
  const hints = page.getByRole('region', { name: 'Hints' });
  await expect(hints.getByRole('listitem')).toHaveCount(0);
  await hints.getByRole('button', { name: 'Show a hint' }).click();
  await expect(hints.getByRole('listitem')).toHaveCount(1);
  await expect(hints.getByRole('button', { name: 'Show hint 2 of 3' })).toBeVisible();

  await runChecks(page);
  const firstFailure = page.getByRole('region', { name: 'Checks' }).getByRole('listitem').first();
  const hint = firstFailure.getByText("Add app.get('/hello'");
  await expect(hint).toBeHidden();
  await firstFailure.getByText('Show hint').click();
  await expect(hint).toBeVisible();
});
