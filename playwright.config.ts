import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './src/node/chromium.ts';

// Run through `npm run test:e2e`, which serves the app and sets BASE_URL and CHROME_PATH.
const baseURL = process.env.BASE_URL;
if (!baseURL) throw new Error('Run the browser tests with `npm run test:e2e` (it starts the app and sets BASE_URL).');

export default defineConfig({
  testDir: 'tests/e2e',
  // Each test drives a real Node server through the real app on a 2-core machine: minutes, not seconds, under load.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  workers: 2,
  // One retry on CI, reported as "flaky" in the JSON report: a test that fails twice still fails the run.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json']],
  use: {
    baseURL,
    trace: 'off',
    launchOptions: { executablePath: process.env.CHROME_PATH, args: CHROMIUM_ARGS },
  },
});
