/** The browser test harness: the built renderer in Chromium, the real core in Node. */
export { startHarness, type Harness, type HarnessOptions } from './harness-server';
export { bridgeScript, type BridgeConfig } from './bridge-script';
export { test, expect, type WardenFixtures } from './fixtures';
