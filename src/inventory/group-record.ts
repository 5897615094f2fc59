import type { DirectoryEntry } from '../directory';
import type { SnapshotGroup, SnapshotMembership } from '../store';
import { guid, integer, required, sid, text, texts } from './entry-fields';

/** A group and the DNs its `member` attribute lists (nested groups and accounts alike). */
export interface GroupRecord extends SnapshotGroup {
  memberDns: string[];
}

/**
 * One group entry as an inventory record. The entry must carry every member
 * under `member`: the LDAP enumeration completes ranged reads before mapping,
 * and an LDIF file lists them all.
 */
export function groupRecord(entry: DirectoryEntry): GroupRecord {
  return {
    objectGuid: required(entry, 'objectGUID', guid(entry, 'objectGUID')),
    sid: sid(entry, 'objectSid'),
    samAccountName: text(entry, 'sAMAccountName'),
    dn: entry.dn,
    description: text(entry, 'description'),
    groupType: integer(entry, 'groupType'),
    adminCount: integer(entry, 'adminCount'),
    managedBy: text(entry, 'managedBy'),
    usnChanged: integer(entry, 'uSNChanged'),
    memberDns: texts(entry, 'member'),
  };
}

/** The membership rows of a group: one per listed member, duplicates (in any letter case) once. */
export function membershipRows(group: GroupRecord): SnapshotMembership[] {
  const seen = new Set<string>();
  const rows: SnapshotMembership[] = [];
  for (const memberDn of group.memberDns) {
    const key = memberDn.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ groupGuid: group.objectGuid, memberDn });
  }
  return rows;
}
