import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Playwright cannot download browsers here: use Debian's chromium when it exists, otherwise
 * Playwright's own (on a machine that has one).
 */
const debianChromium = '/usr/bin/chromium';
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(debianChromium) ? debianChromium : undefined);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 120_000,
  use: {
    baseURL: 'http://127.0.0.1:4321',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath,
      args: [
        ...(isRoot ? ['--no-sandbox'] : []),
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
        '--disable-quic',
      ],
    },
  },
  webServer: [
    {
      command: 'node tests/e2e/server.mjs',
      url: 'http://127.0.0.1:4321/index.html',
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      // The test LMS: scorm-again hosting the built SCORM packages (tests/e2e/lms/).
      command: 'node tests/e2e/lms/server.mjs',
      url: 'http://127.0.0.1:4322/lms/harness.html',
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
