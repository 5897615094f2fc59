import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const results = (path: string): string => fileURLToPath(new URL(`../../test-results/${path}`, import.meta.url));

/**
 * The renderer as built for Electron, in Debian's Chromium (no browser
 * download), against the real core running in this Node process.
 * Build first: npm run build.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: results('e2e-artifacts'),
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  // Most tests scan a real DC, some twice: a busy machine needs more than the default 30 s.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: results('e2e-report.json') }]],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 860 },
    colorScheme: 'light',
    // Fluent's motion honours this: drawers and dialogs appear at once, screenshots are stable.
    reducedMotion: 'reduce',
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
