import { useCallback } from 'react';
import type { ConnectionProfile } from '../api/contract-types';
import { useWardenQuery } from '../api/use-warden-query';
import { call } from '../api/warden-client';
import type { WardenApiError } from '../api/warden-api-error';

const loadProfiles = () => call('listProfiles', {});
const loadSnapshot = () => call('getLatestSnapshot', {});

export interface BindProfiles {
  profiles: ConnectionProfile[] | undefined;
  /** The profile the latest snapshot was scanned with, when it is still saved: the kill switch acts on that snapshot. */
  snapshotProfile: ConnectionProfile | undefined;
  error: WardenApiError | undefined;
  reload: () => void;
}

/** The saved connection profiles a destructive action may bind with. */
export function useBindProfiles(): BindProfiles {
  const profiles = useWardenQuery(loadProfiles);
  const latest = useWardenQuery(loadSnapshot);
  const reloadProfiles = profiles.reload;
  const reloadLatest = latest.reload;
  const reload = useCallback(() => {
    reloadProfiles();
    reloadLatest();
  }, [reloadProfiles, reloadLatest]);
  const snapshotProfileId = latest.data?.profileId ?? null;
  return {
    profiles: profiles.data,
    snapshotProfile: profiles.data?.find((profile) => profile.id === snapshotProfileId),
    error: profiles.error ?? latest.error,
    reload,
  };
}

export function profileWords(profile: ConnectionProfile): string {
  return `${profile.name} (${profile.bindName} on ${profile.domain.trim() || profile.host}, ${profile.transport.toUpperCase()})`;
}
