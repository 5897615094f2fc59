import { hasUacFlag } from '../directory/uac-flags';
import { dnKey } from '../inventory/group-graph';
import type { AssessmentAccount, AssessmentGroup } from '../store';
import type { OwnerStatus } from './vocabulary';

export interface OwnerVerdict {
  /** The owner's sAMAccountName (or group name); the text given when it names nothing in the snapshot. */
  owner: string | null;
  ownerDn: string | null;
  /** Where the owner came from: Warden's own record, the account's `manager`, or its `managedBy`. */
  source: 'warden' | 'manager' | 'managedBy' | null;
  status: OwnerStatus;
  reason: string;
}

/**
 * The snapshot's accounts and groups by every name an owner may be given by.
 * A `manager` or `managedBy` value is the DN as AD wrote it, so a lower-cased
 * DN nearly always finds it; the normalized DN (spacing, escapes) is built only
 * when that misses, since normalizing every DN of a large domain is costly.
 */
export class OwnerDirectory {
  private readonly byDn = new Map<string, AssessmentAccount>();
  // Names are only needed for owners recorded in Warden, which few accounts have: built on first use.
  private byName: Map<string, AssessmentAccount> | undefined;
  private byDnKey: Map<string, AssessmentAccount> | undefined;
  private readonly groups = new Map<string, AssessmentGroup>();

  constructor(
    private readonly allAccounts: readonly AssessmentAccount[],
    allGroups: readonly AssessmentGroup[],
  ) {
    for (const account of allAccounts) this.byDn.set(account.dn.toLowerCase(), account);
    for (const group of allGroups) this.groups.set(dnKey(group.dn), group);
  }

  account(reference: string): AssessmentAccount | undefined {
    const lower = reference.trim().toLowerCase();
    const byDn = this.byDn.get(lower);
    if (byDn !== undefined) return byDn;
    if (lower.includes('=')) {
      this.byDnKey ??= new Map(this.allAccounts.map((account) => [dnKey(account.dn), account]));
      return this.byDnKey.get(dnKey(reference));
    }
    this.byName ??= this.namesIndex();
    return this.byName.get(lower);
  }

  group(dn: string): AssessmentGroup | undefined {
    return this.groups.get(dnKey(dn));
  }

  private namesIndex(): Map<string, AssessmentAccount> {
    const names = new Map<string, AssessmentAccount>();
    for (const account of this.allAccounts) {
      for (const key of [account.samAccountName, account.upn, account.mail]) {
        if (key !== null) names.set(key.toLowerCase(), account);
      }
    }
    return names;
  }
}

function statusOf(owner: AssessmentAccount): { status: OwnerStatus; reason: string } {
  if (hasUacFlag(owner.userAccountControl, 'ACCOUNTDISABLE')) {
    return { status: 'leaver', reason: `the owner's account ${owner.samAccountName} is disabled` };
  }
  if (owner.hrOutcome === 'leaver' || owner.hrOutcome === 'matched-disabled') {
    return { status: 'leaver', reason: `HR says ${owner.samAccountName}'s person has left` };
  }
  return { status: 'active', reason: `${owner.samAccountName} is enabled and not a leaver` };
}

/**
 * Who owns an account: Warden's own record first, then `manager`, then
 * `managedBy`. The owner is `missing` when none is given or the one given is
 * not in the snapshot (deleted), `leaver` when its account is disabled or HR
 * says its person has left.
 */
export function resolveOwner(
  account: AssessmentAccount,
  recorded: string | undefined,
  directory: OwnerDirectory,
): OwnerVerdict {
  const given: [OwnerVerdict['source'], string | null][] = [
    ['warden', recorded ?? null],
    ['manager', account.managerDn],
    ['managedBy', account.managedBy],
  ];
  const first = given.find(([, reference]) => reference !== null && reference.trim().length > 0);
  if (first === undefined) {
    return { owner: null, ownerDn: null, source: null, status: 'missing', reason: 'no owner is recorded' };
  }
  const [source, reference] = first as [OwnerVerdict['source'], string];
  const owner = directory.account(reference);
  if (owner !== undefined) {
    const { status, reason } = statusOf(owner);
    return { owner: owner.samAccountName, ownerDn: owner.dn, source, status, reason };
  }
  const group = source === 'managedBy' ? directory.group(reference) : undefined;
  if (group !== undefined) {
    return {
      owner: group.samAccountName ?? group.dn,
      ownerDn: group.dn,
      source,
      status: 'active',
      reason: `owned by the group ${group.samAccountName ?? group.dn}`,
    };
  }
  return {
    owner: reference,
    ownerDn: null,
    source,
    status: 'missing',
    reason: `the owner ${reference} is not in the snapshot (deleted, or outside the scanned domain)`,
  };
}
