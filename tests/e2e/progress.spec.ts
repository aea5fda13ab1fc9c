import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.ts';
import { editorText, expectEditorToContain, openFirstLesson, replaceEditorText } from './workspace-helpers.ts';

test('progress exports to JSON, a bad import changes nothing, and the export restores the work', async ({ page }) => {
  await openFirstLesson(page);
  await replaceEditorText(page, '// work worth keeping\n');
  await expectEditorToContain(page, 'work worth keeping');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^backend-playground-progress-.*\.json$/);
  const exportedPath = await download.path();
  const exported = JSON.parse(await readFile(exportedPath, 'utf8')) as { version: number; lessons: Record<string, { files: Record<string, string> }> };
  expect(exported.version).toBe(1);
  expect(exported.lessons['apis/first-route']?.files['server.js']).toContain('work worth keeping');

  const importInput = page.getByLabel('Import progress');
  await importInput.setInputFiles({ name: 'not-progress.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await expect(page.getByRole('banner').getByRole('alert')).toContainText('Import refused');
  expect(await editorText(page)).toContain('work worth keeping');

  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('dialog', { name: 'Start over?' }).getByRole('button', { name: 'Reset files' }).click();
  await expectEditorToContain(page, 'TODO');

  await importInput.setInputFiles(exportedPath);
  await expect(page.getByRole('banner').getByRole('alert')).toContainText('Imported progress for 1 lesson');
  await expectEditorToContain(page, 'work worth keeping');

  await page.reload();
  await expectEditorToContain(page, 'work worth keeping');
});

test('a reload restores the open file and the learner’s edits without pressing anything', async ({ page }) => {
  await openFirstLesson(page);
  await replaceEditorText(page, '// autosaved without saving\n');
  await expectEditorToContain(page, 'autosaved without saving');
  await page.waitForTimeout(1_200);
  await page.reload();
  await expectEditorToContain(page, 'autosaved without saving');

  // Reloading right after typing, before the debounced save: the edit survives too.
  await replaceEditorText(page, '// typed just before the reload\n');
  await expectEditorToContain(page, 'typed just before the reload');
  await page.reload();
  await expectEditorToContain(page, 'typed just before the reload');
});
