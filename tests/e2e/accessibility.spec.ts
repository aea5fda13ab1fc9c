/**
 * An automated accessibility scan (axe-core) of the home page, a server lesson and a sql lesson,
 * in light and dark mode: no serious or critical violation — the editor's code text included
 * (its token colours are src/app/editor/editor-themes.ts, checked against the background).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const PAGES: { name: string; url: string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'home page', url: '/?runtime=none#/', ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
  { name: 'server lesson', url: '/?runtime=local#/apis/first-route', ready: (page) => expect(page.getByRole('banner').getByText('Server running')).toBeVisible({ timeout: 30_000 }) },
  { name: 'sql lesson', url: '/?runtime=none#/databases/select-basics', ready: (page) => expect(page.getByRole('tablist')).toBeVisible({ timeout: 30_000 }) },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });
    for (const { name, url, ready } of PAGES) {
      test(`the ${name} has no serious or critical accessibility violation`, async ({ page }) => {
        await page.goto(url);
        await ready(page);
        const { violations } = await new AxeBuilder({ page }).analyze();
        const severe = violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
        expect(severe).toEqual([]);
      });
    }
  });
}
