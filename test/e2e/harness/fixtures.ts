import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { startHarness, type Harness, type HarnessOptions } from './harness-server';

const screenshotDir = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

/** Console messages that are expected and harmless. */
const expectedConsole = [
  // The meta tag repeats the CSP header, and browsers ignore this one directive in meta tags.
  /frame-ancestors' is ignored when delivered via a <meta> element/,
];

export interface WardenFixtures {
  /** Options for the harness of each test; override with test.use({ harnessOptions }). */
  harnessOptions: HarnessOptions;
  /** A fresh core with its own encrypted store, serving the built renderer. */
  harness: Harness;
  /** Opens the app in the page (bridge injected) and waits for it to settle past start-up. */
  openApp: () => Promise<void>;
  /** Saves test-results/screenshots/<name>.png and attaches it to the report. */
  saveScreenshot: (name: string) => Promise<void>;
}

export const test = base.extend<WardenFixtures>({
  harnessOptions: [{}, { option: true }],

  harness: async ({ harnessOptions }, use) => {
    const harness = await startHarness(harnessOptions);
    await use(harness);
    await harness.close();
  },

  // Every page gets the bridge, and fails its test on an uncaught error, a CSP violation or a console error.
  page: async ({ page, harness }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (!expectedConsole.some((pattern) => pattern.test(text))) problems.push(`console error: ${text}`);
    });
    await page.addInitScript({ content: harness.bridgeScript });
    await use(page);
    expect(problems, 'the page logged errors').toEqual([]);
  },

  openApp: async ({ page, harness }, use) => {
    await use(async () => {
      await page.goto(harness.url);
      // Settled: a page (or the unlock screen) shows its title, or start-up failed with an alert.
      await expect(page.locator('h1, [role=alert]').first()).toBeVisible();
    });
  },

  saveScreenshot: async ({ page }, use, testInfo) => {
    await mkdir(screenshotDir, { recursive: true });
    await use(async (name: string) => {
      const path = join(screenshotDir, `${name}.png`);
      // The navigation is sticky: from the top, a full-page shot shows it where a person would see it.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path, fullPage: true, animations: 'disabled' });
      await testInfo.attach(name, { path, contentType: 'image/png' });
    });
  },
});

export { expect, type Page };
