/**
 * The first RDN of a DN and the rest of it, split at the first comma that is
 * not escaped: `CN=Smith\, John,OU=Staff,DC=corp` → `CN=Smith\, John` and
 * `OU=Staff,DC=corp`.
 */
export function splitDn(dn: string): { rdn: string; parent: string } {
  for (let i = 0; i < dn.length; i += 1) {
    const c = dn.charAt(i);
    if (c === '\\') {
      i += 1;
    } else if (c === ',') {
      return { rdn: dn.slice(0, i).trim(), parent: dn.slice(i + 1).trim() };
    }
  }
  return { rdn: dn.trim(), parent: '' };
}

/** Where an object lands when moved under `newParent` with its name kept. */
export function movedDn(dn: string, newParent: string): string {
  return `${splitDn(dn).rdn},${newParent.trim()}`;
}
