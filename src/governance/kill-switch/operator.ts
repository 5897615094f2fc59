import {
  escapeFilter,
  readObject,
  searchAll,
  whoAmI,
  type DirectoryConnection,
  type DirectoryEntry,
} from '../../directory';
import { sid, text } from '../../inventory/entry-fields';
import { KillSwitchError } from './errors';
import type { OperatorIdentity } from './guardrails';

const ATTRIBUTES = ['objectSid', 'sAMAccountName', 'userPrincipalName'];

/** The search that finds the bound account from the name it bound with: a DN, user@domain, DOMAIN\user or user. */
function lookupFor(bindName: string): { dn: string } | { filter: string } {
  const name = bindName.trim();
  if (name.includes('=') && !name.includes('@')) return { dn: name };
  if (name.includes('@')) {
    // Samba and AD also accept user@realm for an account without that UPN: fall back to the name before the @.
    const user = name.slice(0, name.lastIndexOf('@'));
    return { filter: escapeFilter`(|(userPrincipalName=${name})(sAMAccountName=${user}))` };
  }
  const user = name.includes('\\') ? name.slice(name.lastIndexOf('\\') + 1) : name;
  return { filter: escapeFilter`(sAMAccountName=${user})` };
}

function identity(entry: DirectoryEntry): OperatorIdentity {
  return { dn: entry.dn, sid: sid(entry, 'objectSid'), samAccountName: text(entry, 'sAMAccountName') ?? entry.dn };
}

/**
 * The account the connection is bound as. AD names it through "Who am I?";
 * Samba does not implement it, so the bind name is looked up instead. An
 * account that cannot be found stops the action: the guardrail against
 * disabling one's own account could not hold.
 */
export async function resolveOperator(
  connection: DirectoryConnection,
  namingContext: string,
): Promise<OperatorIdentity> {
  // AD answers "CORP\user" or "dn:CN=…"; undefined when the server does not implement it.
  const who = await whoAmI(connection);
  const name = who === undefined ? connection.bindName : who.replace(/^dn:/, '');
  const lookup = lookupFor(name);
  let entries: DirectoryEntry[];
  if ('dn' in lookup) {
    const entry = await readObject(connection, lookup.dn, ATTRIBUTES);
    entries = entry === undefined ? [] : [entry];
  } else {
    entries = await searchAll(connection, {
      base: namingContext,
      scope: 'sub',
      filter: lookup.filter,
      attributes: ATTRIBUTES,
    });
  }
  // A UPN match wins over another account whose sAMAccountName is the part before the @.
  const byUpn = entries.filter((entry) => text(entry, 'userPrincipalName')?.toLowerCase() === name.toLowerCase());
  const [first, second] = byUpn.length === 1 ? byUpn : entries;
  if (first !== undefined && second === undefined) return identity(first);
  throw new KillSwitchError(
    'OPERATOR_UNKNOWN',
    entries.length === 0
      ? `The account bound as (${connection.bindName}) was not found under ${namingContext}: without it the kill switch cannot make sure it does not disable itself.`
      : `The bind name ${connection.bindName} matches ${entries.length} accounts: bind with a userPrincipalName or a DN.`,
    { bindName: connection.bindName, namingContext, matches: entries.map((entry) => entry.dn) },
  );
}
