import type { PrivilegedPath } from '../risk/risk-types';

/** The value of a DN's first RDN, unescaped: "CN=Tier0-Admins,OU=Groups,…" reads "Tier0-Admins". */
export function commonNameOf(dn: string): string {
  const first = /^[^=]+=((?:\\.|[^,\\])*)/.exec(dn)?.[1];
  return first === undefined ? dn : first.replace(/\\(.)/g, '$1');
}

/** "svc-x → App-Admins → Tier0-Admins → Domain Admins": the account, then each group down to the privileged one. */
export function describePath(samAccountName: string, path: PrivilegedPath): string {
  return [samAccountName, ...path.path.map(commonNameOf)].join(' → ');
}
