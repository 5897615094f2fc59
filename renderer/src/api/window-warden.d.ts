import type { WardenApi } from './contract-types';

declare global {
  interface Window {
    /** The only way into the core: exposed by the preload (or the test bridge) before any script runs. */
    readonly warden: WardenApi;
  }
}

export {};
