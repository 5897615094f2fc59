import type { SnapshotSummary } from '../api/contract-types';

/** "Scan changes" is the default once the profile has a complete snapshot of its own to start from. */
export function prefersScanningChanges(latest: SnapshotSummary | null | undefined, profileId: string): boolean {
  return latest?.sourceKind === 'ldap' && latest.profileId === profileId;
}
