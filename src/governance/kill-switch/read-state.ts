import {
  allStrings,
  completeRangedAttribute,
  domainSidOf,
  guidDn,
  readObject,
  sidDn,
  UAC_FLAGS,
  type DirectoryConnection,
} from '../../directory';
import { integer, parentDn, required, sid, text } from '../../inventory/entry-fields';
import type { AccountState } from './record-schemas';

const ATTRIBUTES = [
  'objectSid',
  'sAMAccountName',
  'userPrincipalName',
  'userAccountControl',
  'primaryGroupID',
  'description',
  'info',
  'memberOf',
] as const;

/** Reads accounts as AD has them now; primary groups are looked up once per run. */
export interface StateReader {
  /** The account's state, or undefined when no object has that objectGUID any more. */
  read(objectGuid: string): Promise<AccountState | undefined>;
}

/**
 * The state a containment changes and an undo restores, read from the DC
 * itself, never from the snapshot: the snapshot may be days old. The account
 * is found by objectGUID, wherever it has been moved since. Its groups are
 * every group of the domain whose `member` holds it, read as memberOf — the
 * DC's own back-link of `member` — in the same request: a search of the
 * domain for `(member=DN)` costs a scan per account on Samba.
 */
export function stateReader(connection: DirectoryConnection): StateReader {
  const primaryGroups = new Map<string, Promise<string | null>>();
  const primaryGroupDn = (groupSid: string): Promise<string | null> => {
    let found = primaryGroups.get(groupSid);
    if (found === undefined) {
      found = readObject(connection, sidDn(groupSid), ['1.1']).then((entry) => entry?.dn ?? null);
      primaryGroups.set(groupSid, found);
    }
    return found;
  };

  return {
    async read(objectGuid) {
      const found = await readObject(connection, guidDn(objectGuid), ATTRIBUTES);
      if (found === undefined) return undefined;
      // Past 1,500 values AD answers memberOf in ranges.
      const entry = await completeRangedAttribute(connection, found, 'memberOf');
      const accountSid = sid(entry, 'objectSid');
      const uac = required(entry, 'userAccountControl', integer(entry, 'userAccountControl'));
      const primaryGroupId = integer(entry, 'primaryGroupID');
      const domainSid = accountSid === null ? undefined : domainSidOf(accountSid);
      const groups = allStrings(entry, 'memberOf');
      const primaryDn =
        primaryGroupId === null || domainSid === undefined
          ? null
          : await primaryGroupDn(`${domainSid}-${primaryGroupId}`);
      return {
        objectGuid: objectGuid.toLowerCase(),
        dn: entry.dn,
        samAccountName: required(entry, 'sAMAccountName', text(entry, 'sAMAccountName')),
        userPrincipalName: text(entry, 'userPrincipalName'),
        sid: accountSid,
        userAccountControl: uac,
        enabled: (uac & UAC_FLAGS.ACCOUNTDISABLE) === 0,
        primaryGroupId,
        primaryGroupDn: primaryDn,
        groups: groups.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
        ou: parentDn(entry.dn) ?? '',
        description: text(entry, 'description'),
        info: text(entry, 'info'),
      };
    },
  };
}
