/**
 * An OU's DN as a path from the domain down, as AD's canonical names read:
 * `OU=Sales,OU=People,OU=Corp,DC=corp,DC=example,DC=test` is `Corp/People/Sales`.
 * The core gives the same paths for the OU filter's options; this reads the DN an account carries.
 */
export function ouLabel(dn: string): string {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < dn.length; index += 1) {
    const char = dn.charAt(index);
    if (char === '\\') {
      current += dn.charAt(index + 1);
      index += 1;
    } else if (char === ',') {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  parts.push(current.trim());
  const names = parts
    .filter((part) => part !== '' && !/^dc\s*=/i.test(part))
    .map((part) => part.slice(part.indexOf('=') + 1).trim())
    .reverse();
  return names.length === 0 ? dn : names.join('/');
}
