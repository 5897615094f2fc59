/**
 * The group graph of one snapshot as plain indexed data: who is a direct
 * member of which group, resolved by distinguished name. Groups are numbered
 * in the order of their normalised DN, so "lower index" means "earlier DN"
 * and every tie in the shortest-path search can be broken by comparing numbers.
 */

export interface MembershipAccount {
  guid: string;
  dn: string;
  sid?: string | null;
  /** RID of the primary group within the account's domain (513 Domain Users, 515 Domain Computers). */
  primaryGroupId?: number | null;
}

export interface MembershipGroup {
  guid: string;
  dn: string;
  sid?: string | null;
  /** The group's `member` values: accounts, groups, and principals Warden does not track. */
  memberDns: readonly string[];
}

export interface GroupGraph {
  /** Groups in ascending normalised-DN order; a group's index is its position here. */
  readonly groups: readonly MembershipGroup[];
  /** For each group, the groups that list it as a member, ascending. */
  readonly parentsOf: readonly (readonly number[])[];
  /** Accounts in input order. */
  readonly accounts: readonly MembershipAccount[];
  /** For each account, the groups that list it as a member, ascending. */
  readonly directGroupsOf: readonly (readonly number[])[];
  /** For each account, the group its primaryGroupID names, or -1. */
  readonly primaryGroupOf: Int32Array;
}

/** Characters that make the cheap lower-casing insufficient: escapes, quotes, spaces next to separators. */
const NEEDS_PARSING = /[\\";]|\s[,=+]|[,=+]\s|^\s|\s$/;
const SEPARATORS = new Set([',', '+', '=', ';']);
const SPECIAL = new Set([',', '+', '"', '\\', '<', '>', ';', '=', '#', ' ']);
const HEX_PAIR = /^[0-9a-fA-F]{2}$/;

/**
 * A comparison key for a DN. AD compares DNs case-insensitively and a `member`
 * value written by another tool may carry spaces after commas or hex escapes
 * (`\2C`) where AD writes `\,`; all of those name the same object.
 */
export function dnKey(dn: string): string {
  if (!NEEDS_PARSING.test(dn)) return dn.toLowerCase();
  let out = '';
  // Unescaped whitespace seen but not yet written: dropped if a separator or the end follows.
  let pendingSpace = '';
  let atComponentStart = true;
  const write = (text: string): void => {
    out += pendingSpace + text;
    pendingSpace = '';
    atComponentStart = false;
  };
  for (let i = 0; i < dn.length; i += 1) {
    const c = dn.charAt(i);
    if (c === '\\' && i + 1 < dn.length) {
      const hex = dn.slice(i + 1, i + 3);
      if (HEX_PAIR.test(hex)) {
        i += 2;
        const code = parseInt(hex, 16);
        // One byte of a multi-byte UTF-8 character stays an escape; only its case is folded.
        if (code >= 0x80) write(`\\${hex.toLowerCase()}`);
        else write(escapedForm(String.fromCharCode(code)));
      } else {
        i += 1;
        write(escapedForm(dn.charAt(i)));
      }
    } else if (SEPARATORS.has(c)) {
      // `;` is an old synonym of `,`.
      out += c === ';' ? ',' : c;
      pendingSpace = '';
      atComponentStart = true;
    } else if (/\s/.test(c)) {
      if (!atComponentStart) pendingSpace += c;
    } else {
      write(c.toLowerCase());
    }
  }
  return out;
}

/** `\2C` and `\,` are the same character; an escaped letter is just the letter. */
function escapedForm(c: string): string {
  return (SPECIAL.has(c) ? '\\' : '') + c.toLowerCase();
}

/** The SID the primary group of an account has: `<domain SID>-<primaryGroupID>`. */
export function primaryGroupSid(domainSid: string, primaryGroupId: number): string {
  return `${domainSid}-${primaryGroupId}`;
}

function compareKeys(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/**
 * Indexes accounts and groups by DN. Member values that are neither a known
 * account nor a known group (foreign security principals, computers, contacts,
 * objects outside the snapshot) are skipped; a group that appears twice under
 * the same DN is kept once.
 */
export function buildGroupGraph(
  accounts: readonly MembershipAccount[],
  groups: readonly MembershipGroup[],
  domainSid: string,
): GroupGraph {
  const keyed = groups.map((group) => ({ group, key: dnKey(group.dn) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key) || compareKeys(a.group.guid, b.group.guid));

  const sortedGroups: MembershipGroup[] = [];
  const groupByKey = new Map<string, number>();
  for (const { group, key } of keyed) {
    if (groupByKey.has(key)) continue;
    groupByKey.set(key, sortedGroups.length);
    sortedGroups.push(group);
  }

  // One lookup resolves a member: groups as their index, accounts as -(index + 1).
  const byKey = new Map<string, number>(groupByKey);
  const accountKeys = accounts.map((account) => dnKey(account.dn));
  accountKeys.forEach((key, index) => {
    if (!byKey.has(key)) byKey.set(key, -(index + 1));
  });
  // AD writes a `member` value exactly as the object's own DN, so most lookups hit this map and skip
  // the normalisation of the value.
  const byExactDn = new Map<string, number>();
  for (const { group, key } of keyed) byExactDn.set(group.dn, byKey.get(key) as number);
  accounts.forEach((account, index) => {
    if (!byExactDn.has(account.dn)) byExactDn.set(account.dn, byKey.get(accountKeys[index] as string) as number);
  });

  const parentsOf: number[][] = sortedGroups.map(() => []);
  const directGroupsOf: number[][] = accounts.map(() => []);
  sortedGroups.forEach((group, index) => {
    for (const memberDn of group.memberDns) {
      const ref = byExactDn.get(memberDn) ?? byKey.get(dnKey(memberDn));
      if (ref === undefined) continue;
      // Groups are visited in ascending order, so each list stays sorted and a repeat is always its last element.
      const list = ref >= 0 ? parentsOf[ref] : directGroupsOf[-ref - 1];
      if (list !== undefined && list[list.length - 1] !== index) list.push(index);
    }
  });

  const groupBySid = new Map<string, number>();
  sortedGroups.forEach((group, index) => {
    if (group.sid) groupBySid.set(group.sid.toUpperCase(), index);
  });
  const primaryGroupOf = new Int32Array(accounts.length).fill(-1);
  accounts.forEach((account, index) => {
    const rid = account.primaryGroupId;
    if (rid === undefined || rid === null || rid <= 0) return;
    primaryGroupOf[index] = groupBySid.get(primaryGroupSid(domainSid, rid).toUpperCase()) ?? -1;
  });

  return { groups: sortedGroups, parentsOf, accounts, directGroupsOf, primaryGroupOf };
}
