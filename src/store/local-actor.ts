import { userInfo } from 'node:os';

/** Who acts on a local store, for the audit log: the operating system account running Warden. */
export function localActor(): string {
  try {
    return userInfo().username || 'unknown local user';
  } catch {
    // No passwd entry for the uid (some containers): the entry must still be written.
    return 'unknown local user';
  }
}
