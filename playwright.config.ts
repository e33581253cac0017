import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3107);

/**
 * Browser tests run against `next start` on a fixture database that e2e/fixture-server.ts builds in a temp folder
 * (small demo campaign + the real tau-bench file + a trajectory full of hostile HTML). Chromium comes from Debian.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx tsx e2e/fixture-server.ts --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/analysis-stats/training-list`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
