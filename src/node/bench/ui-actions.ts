/**
 * What the bench does in the app, the way a learner does it: by role and accessible name,
 * like the browser tests. When the UI renames a control, this is the one file to update.
 */
import type { Page } from '@playwright/test';
import { actionAfter, firstAfter, type ProbeLog } from './page-probe.ts';

const ACTION_TIMEOUT_MS = 15_000;

/** The status pill: "Server running". */
export const SERVER_RUNNING = /\brunning\b/i;
/** The checks panel heading's summary while checks run, and after. */
const CHECKS_RUNNING = /running…|running\.\.\./i;
const CHECKS_SUMMARY = /\d+ of \d+ checks? passed/i;

/** Solve, then confirm in the dialog. Returns false when the lesson offers no Solve (an assessment). */
export async function applySolution(page: Page): Promise<boolean> {
  const solve = page.getByRole('button', { name: 'Solve', exact: true });
  if ((await solve.count()) === 0 || !(await solve.isEnabled())) return false;
  await solve.click({ timeout: ACTION_TIMEOUT_MS });
  await page.getByRole('dialog').getByRole('button', { name: /apply solution/i }).click({ timeout: ACTION_TIMEOUT_MS });
  return true;
}

/** Clicks a lesson in the lesson list (the navigation beside the workspace). */
export async function clickLessonLink(page: Page, lessonId: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Lessons' }).locator(`a[href="#/${lessonId}"]`).click({ timeout: ACTION_TIMEOUT_MS });
}

export async function clickCheck(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Check', exact: true }).click({ timeout: ACTION_TIMEOUT_MS });
}

/** The `sql` lesson's Run button ("Run query.sql", not the toolbar's Run that starts a server), in the Database tab. */
export async function clickRun(page: Page): Promise<void> {
  const tab = page.getByRole('tab', { name: 'Database', exact: true });
  if ((await tab.count()) > 0 && (await tab.first().getAttribute('aria-selected')) !== 'true') await tab.first().click({ timeout: ACTION_TIMEOUT_MS });
  await page.getByRole('button', { name: /^Run \S/ }).first().click({ timeout: ACTION_TIMEOUT_MS });
}

/** Puts the caret at the end of the open file in Monaco (its textarea is labelled "Code editor…"). */
async function focusEditorEnd(page: Page): Promise<void> {
  const editor = page.getByRole('textbox', { name: /code editor/i }).first();
  await editor.waitFor({ state: 'attached', timeout: ACTION_TIMEOUT_MS });
  await editor.focus();
  await page.keyboard.press('Control+End');
}

/** A harmless edit (a comment line) so the save has something to write, then Ctrl+S. */
export async function editAndSave(page: Page, comment: string): Promise<void> {
  await focusEditorEnd(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type(`// ${comment}`);
  await page.keyboard.press('Control+S');
}

/** Clicks Check and waits for the summary to replace "Running…"; the time is the page's, click event → summary. */
export async function timeCheck(page: Page, probe: ProbeLog, timeoutMs: number): Promise<{ ms: number; summary: string }> {
  const mark = (await probe.refresh()).length;
  await clickCheck(page);
  const clicked = await probe.waitFor('the Check click', 5_000, (entries) => actionAfter(entries, mark, 'click', /^check$/i));
  const done = await probe.waitFor('the checks summary', timeoutMs, (entries) => {
    const started = firstAfter(entries, clicked.t, 'checks', CHECKS_RUNNING);
    return started && firstAfter(entries, started.t, 'checks', CHECKS_SUMMARY);
  });
  return { ms: done.t - clicked.t, summary: CHECKS_SUMMARY.exec(done.value)?.[0] ?? done.value };
}
