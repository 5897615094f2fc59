/**
 * The renderer's one crossing into src/: types only, erased at build time, so
 * the bundle carries nothing of the core. Everything else goes through window.warden.
 */
export type {
  OperationInput,
  OperationName,
  OperationOutput,
  ProgressEvent,
  ProgressOf,
  Reply,
  WardenApi,
} from '../../../src/api/contract';
export type { ConnectionProfile, Settings, SnapshotSummary, StoreStatus } from '../../../src/api/schemas';
