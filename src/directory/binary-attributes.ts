/**
 * Attributes whose values are bytes, not text. ldapts decodes every value as
 * UTF-8 unless told otherwise, which silently corrupts SIDs, GUIDs and
 * security descriptors.
 */
export const BINARY_ATTRIBUTES: readonly string[] = [
  'objectSid',
  'objectGUID',
  'tokenGroups',
  'msDS-GroupMSAMembership',
  'nTSecurityDescriptor',
  'sIDHistory',
  'msDS-AllowedToActOnBehalfOfOtherIdentity',
];

const BY_LOWER = new Map(BINARY_ATTRIBUTES.map((name) => [name.toLowerCase(), name]));

/**
 * The explicitBufferAttributes for a search: the binary attributes among those
 * requested (all of them for `*`), in both the requested and the canonical
 * spelling, because ldapts matches the server's spelling case-sensitively.
 */
export function bufferAttributesFor(requested: readonly string[], extra: readonly string[] = []): string[] {
  const result = new Set<string>(extra);
  const all = requested.length === 0 || requested.includes('*');
  for (const attribute of all ? [...BINARY_ATTRIBUTES, ...requested] : requested) {
    const base = attribute.split(';')[0] ?? attribute;
    const canonical = BY_LOWER.get(base.toLowerCase());
    if (canonical !== undefined) {
      result.add(canonical);
      result.add(base);
    }
  }
  return [...result];
}
