import { useState } from 'react';
import type { ConnectionProfile } from '../api/contract-types';
import type { WardenApiError } from '../api/warden-api-error';
import { chosenProfile, type BindDraft } from './BindFields';
import { useBindProfiles } from './use-bind-profiles';

const EMPTY: BindDraft = { profileId: '', password: '', confirmPlainText: false };

export interface Bind {
  profiles: ConnectionProfile[];
  snapshotProfile: ConnectionProfile | undefined;
  profilesError: WardenApiError | undefined;
  /** The saved profiles are still being read. */
  profilesLoading: boolean;
  draft: BindDraft;
  setDraft: (draft: BindDraft) => void;
  profile: ConnectionProfile | undefined;
  /** A profile chosen, the password typed, and a clear-text bind confirmed where the profile is plain LDAP. */
  ready: boolean;
  /** The bind part of a kill switch request. */
  credentials: () => { profileId: string; password: string; confirmPlainTextBind: boolean };
  /** Forgets the typed password: a fresh bind serves one action and nothing after it. */
  forgetPassword: () => void;
}

/** The fresh bind a destructive action asks for: which saved profile, and the operator's password typed again. */
export function useBind(): Bind {
  const { profiles, snapshotProfile, error } = useBindProfiles();
  const [draft, setDraft] = useState<BindDraft>(EMPTY);
  const saved = profiles ?? [];
  const profile = chosenProfile(saved, snapshotProfile, draft.profileId);
  return {
    profiles: saved,
    snapshotProfile,
    profilesError: error,
    profilesLoading: profiles === undefined,
    draft,
    setDraft,
    profile,
    ready: profile !== undefined && draft.password !== '' && (profile.transport !== 'ldap' || draft.confirmPlainText),
    credentials: () => {
      if (profile === undefined) throw new Error('no connection profile is chosen');
      return {
        profileId: profile.id,
        password: draft.password,
        confirmPlainTextBind: profile.transport === 'ldap' && draft.confirmPlainText,
      };
    },
    forgetPassword: () => setDraft((previous) => ({ ...previous, password: '' })),
  };
}
