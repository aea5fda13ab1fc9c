import { test, expect } from './fixtures.ts';

test('the app loads cross-origin isolated and shows its shell', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  await expect(page.getByRole('banner')).toContainText('Backend Playground');
  await expect(page.getByRole('navigation', { name: 'Lessons' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
});
