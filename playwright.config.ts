import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './src/node/chromium.ts';

// Run through `npm run test:e2e`, which serves the app and sets BASE_URL and CHROME_PATH.
const baseURL = process.env.BASE_URL;
if (!baseURL) throw new Error('Run the browser tests with `npm run test:e2e` (it starts the app and sets BASE_URL).');

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json']],
  use: {
    baseURL,
    trace: 'off',
    launchOptions: { executablePath: process.env.CHROME_PATH, args: CHROMIUM_ARGS },
  },
});
