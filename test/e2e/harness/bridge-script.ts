import { readFileSync } from 'node:fs';

/** What the page-side bridge needs to reach the harness. */
export interface BridgeConfig {
  /** Only documents from this origin get window.warden. */
  origin: string;
  token: string;
  operationNames: readonly string[];
}

// Plain browser JavaScript kept in its own file and read as text: a function's
// toString() would carry whatever helpers the test-time TS compiler injected.
const bridgeSource = readFileSync(new URL('./warden-bridge.browser.js', import.meta.url), 'utf8').trim();

/** Source text for page.addInitScript({ content }): the bridge, with its config in a private scope. */
export function bridgeScript(config: BridgeConfig): string {
  return `(() => {\nconst WARDEN_BRIDGE_CONFIG = ${JSON.stringify(config)};\n${bridgeSource}\n})();`;
}
