import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive Debian's Chromium (/usr/bin/chromium); no browser is
 * ever downloaded. The web server is the README's start command without the
 * install step: sandbox + backend (:7007) + app (:3000), on the sandbox world
 * named by DELIVERY_WORLD (default `default`). The tests of the stakater world
 * live in e2e-tests/stakater/ and run only against that world.
 */
const world = process.env.DELIVERY_WORLD ?? 'default';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  ...(world === 'default'
    ? { testIgnore: 'stakater/**' }
    : { testMatch: `${world}/**/*.test.ts` }),
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  webServer: {
    command: `bash scripts/serve.sh --world ${world}`,
    url: 'http://localhost:3000',
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: 'ignore',
  },
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 1000 },
  },
  outputDir: 'test-results',
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: chromiumArgs,
        },
      },
    },
  ],
});
