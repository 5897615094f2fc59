import { AttributeValueError } from './attribute-error';

/**
 * The binary objectSid as text, e.g. S-1-5-21-1004336348-1177238915-682003330-512.
 * Layout (MS-DTYP 2.4.2.2): revision, sub-authority count, a 48-bit big-endian
 * identifier authority, then 32-bit little-endian sub-authorities.
 */
export function decodeSid(bytes: Buffer): string {
  if (bytes.length < 8)
    throw new AttributeValueError('objectSid', `has ${bytes.length} bytes, fewer than the 8 of any SID`);
  const revision = bytes.readUInt8(0);
  const count = bytes.readUInt8(1);
  if (bytes.length !== 8 + count * 4) {
    throw new AttributeValueError(
      'objectSid',
      `has ${bytes.length} bytes, but its ${count} sub-authorities need ${8 + count * 4}`,
    );
  }
  const authority = bytes.readUIntBE(2, 6);
  const parts = [`S-${revision}-${authority}`];
  for (let index = 0; index < count; index++) parts.push(String(bytes.readUInt32LE(8 + index * 4)));
  return parts.join('-');
}

/** The last sub-authority of a SID: 512 for Domain Admins, 1105 for an ordinary account. */
export function ridOf(sid: string): number | undefined {
  const match = /-(\d+)$/.exec(sid);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The domain part of an account or group SID: everything before the RID. */
export function domainSidOf(sid: string): string | undefined {
  const cut = sid.lastIndexOf('-');
  return sid.startsWith('S-1-5-21-') && cut > 0 ? sid.slice(0, cut) : undefined;
}
