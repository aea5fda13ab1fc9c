import { test, expect } from './fixtures.ts';

test('the home view lists tracks, and lessons are reachable by link, table of contents and next/previous', async ({ page }) => {
  await page.goto('/?runtime=local');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 2, name: 'APIs' })).toBeVisible();
  await main.getByRole('link', { name: 'APIs' }).click();
  await expect(page).toHaveURL(/#\/apis$/);
  await main.getByRole('link', { name: 'Your first route' }).click();
  await expect(page).toHaveURL(/#\/apis\/first-route$/);
  await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /Your first route/ })).toHaveAttribute('aria-current', 'page');

  const pager = page.getByRole('navigation', { name: 'Previous and next lesson' });
  const next = pager.getByRole('link', { name: /→/ });
  const nextTitle = (await next.innerText()).replace(/\s*→$/, '');
  await next.click();
  await expect(page).not.toHaveURL(/first-route/);
  await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: nextTitle })).toHaveAttribute('aria-current', 'page');
  await pager.getByRole('link', { name: /Your first route/ }).click();
  await expect(page).toHaveURL(/#\/apis\/first-route$/);
  await expect(page.getByRole('region', { name: 'Editor' }).getByRole('heading', { name: 'server.js' })).toBeVisible();
});

test('an unknown lesson link says so instead of a blank page', async ({ page }) => {
  await page.goto('/#/apis/no-such-lesson');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('No lesson called "apis/no-such-lesson"');
});
