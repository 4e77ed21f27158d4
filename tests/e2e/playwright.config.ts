import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../tools/chromium.ts';

// E2E_PORT lets two worktrees run their suites side by side without fighting over one port.
const port = Number(process.env.E2E_PORT ?? 4179);
const executablePath = chromiumPath() ?? '/usr/bin/chromium';

// The suite runs against the production build served by `vite preview`, with the same
// Content-Security-Policy header and meta tag a real host would send.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: '../../test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath, args: chromiumArgs },
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    cwd: '../..',
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
  },
});
