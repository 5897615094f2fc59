import type { AssessmentAccount, AssessmentPath } from '../store';
import type { AccountAssessment } from './assess-accounts';
import { daysBefore } from './days';

export const ANOMALY_KINDS = [
  'new-privileged-account',
  'privileged-membership-added',
  'leaver-enabled',
  'dormant-password-change',
  'expiry-removed',
] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export interface Anomaly {
  kind: AnomalyKind;
  objectGuid: string;
  samAccountName: string;
  summary: string;
  /** Privileged groups the account gained, as DNs, for the membership anomalies. */
  groups?: string[];
}

/** One snapshot as the comparison needs it. */
export interface SnapshotSide {
  snapshotId: string;
  accounts: readonly AssessmentAccount[];
  /** Stored effective memberships: privileged groups only. */
  paths: readonly AssessmentPath[];
}

function privilegedGroupsByAccount(paths: readonly AssessmentPath[]): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const row of paths) {
    const groups = result.get(row.accountGuid) ?? new Set<string>();
    groups.add(row.groupGuid);
    result.set(row.accountGuid, groups);
  }
  return result;
}

function later(a: string | null, b: string | null): boolean {
  if (a === null) return false;
  return b === null || Date.parse(a) > Date.parse(b);
}

/** A password is set as the account is created: only one set more than a day later was changed. */
function changedAfterCreation(account: AssessmentAccount): boolean {
  if (account.whenCreated === null || account.pwdLastSet === null) return true;
  return Date.parse(account.pwdLastSet) - Date.parse(account.whenCreated) > 86_400_000;
}

/**
 * What changed between the previous snapshot and this one that deserves a
 * look: a new account in a privileged group, a privileged membership added,
 * a password changed on a dormant account (someone may be preparing to use
 * it), an expiry date removed. A leaver's enabled account is reported in
 * every snapshot until it is dealt with. Without a previous snapshot only the
 * states that need no comparison are reported: leavers' enabled accounts, and
 * dormant accounts whose password changed after their last logon within the
 * dormancy period.
 */
export function findAnomalies(
  current: SnapshotSide,
  assessed: readonly AccountAssessment[],
  previous: SnapshotSide | undefined,
  dormantDays: number,
  asOf: number,
): Anomaly[] {
  const anomalies: Anomaly[] = [];
  const accountByGuid = new Map(current.accounts.map((account) => [account.objectGuid, account]));
  const before = new Map(previous?.accounts.map((account) => [account.objectGuid, account]) ?? []);
  const privilegedNow = privilegedGroupsByAccount(current.paths);
  const privilegedBefore = privilegedGroupsByAccount(previous?.paths ?? []);

  for (const assessment of assessed) {
    const guid = assessment.objectGuid;
    const account = accountByGuid.get(guid);
    if (account === undefined) continue;
    const old = before.get(guid);
    const base = { objectGuid: guid, samAccountName: assessment.samAccountName };
    const groupsNow = privilegedNow.get(guid);

    if (previous !== undefined && groupsNow !== undefined && groupsNow.size > 0) {
      const named = (guids: readonly string[]): string[] =>
        assessment.privilegedPaths.filter((path) => guids.includes(path.groupGuid)).map((path) => path.group);
      if (old === undefined) {
        anomalies.push({
          ...base,
          kind: 'new-privileged-account',
          summary: `new since the previous snapshot and already in ${groupsNow.size} privileged group(s)`,
          groups: named([...groupsNow]),
        });
      } else {
        const had = privilegedBefore.get(guid) ?? new Set<string>();
        const added = [...groupsNow].filter((group) => !had.has(group));
        if (added.length > 0) {
          anomalies.push({
            ...base,
            kind: 'privileged-membership-added',
            summary: `gained ${added.length} privileged group membership(s) since the previous snapshot`,
            groups: named(added),
          });
        }
      }
    }

    if (assessment.hr === 'leaver' && assessment.enabled) {
      anomalies.push({
        ...base,
        kind: 'leaver-enabled',
        summary: 'HR says the person has left; the account is enabled',
      });
    }

    if (assessment.enabled && (assessment.usage === 'dormant' || assessment.usage === 'never-used')) {
      const changed =
        old === undefined
          ? later(account.pwdLastSet, account.lastLogonTimestamp) &&
            changedAfterCreation(account) &&
            (daysBefore(account.pwdLastSet, asOf) ?? Infinity) <= dormantDays
          : later(account.pwdLastSet, old.pwdLastSet);
      if (changed) {
        anomalies.push({
          ...base,
          kind: 'dormant-password-change',
          summary: `password changed ${account.pwdLastSet ?? ''} while the account is ${assessment.usage}`,
        });
      }
    }

    if (old !== undefined && old.accountExpires !== null && account.accountExpires === null) {
      anomalies.push({
        ...base,
        kind: 'expiry-removed',
        summary: `its expiry date (${old.accountExpires}) was removed: it no longer expires`,
      });
    }
  }
  return anomalies;
}
