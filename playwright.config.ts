import { defineConfig } from '@playwright/test';

const onCi = Boolean(process.env.CI);

/**
 * Chromium from Debian's package (or MUQU_CHROMIUM), never Playwright's own download.
 * The flags keep a headless run as root free of the sandbox, the GPU, a small /dev/shm
 * and Chromium's background requests to Google's servers.
 */
const chromiumLaunchOptions = {
  executablePath: process.env.MUQU_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  // Screenshots that tests take go to e2e-output/screenshots (see e2e/fixtures/web-app.ts).
  outputDir: 'e2e-output',
  forbidOnly: onCi,
  retries: onCi ? 1 : 0,
  // Each web test file runs its own server and browser, and two cores fit two at a time.
  // CI runs one at a time, trading time for fewer timing failures on a busy machine.
  workers: onCi ? 1 : 2,
  // Bounds a stuck run well inside CI's 90 minutes.
  globalTimeout: 30 * 60 * 1000,
  timeout: 60 * 1000,
  expect: { timeout: 10 * 1000 },
  reporter: [
    ['list'],
    // scripts/run-tests.mjs reads this file to count the results.
    ['json', { outputFile: 'test-results/playwright.json' }],
  ],
  use: {
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'web',
      testDir: 'e2e/web',
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1280, height: 820 },
        launchOptions: chromiumLaunchOptions,
      },
    },
    {
      name: 'electron',
      testDir: 'e2e/electron',
    },
  ],
});
