import { AttributeValueError } from './attribute-error';

/**
 * A binary GUID (objectGUID, invocationId) in the text form AD tools show:
 * the first three groups are little-endian in the bytes, the last two are not.
 * Lower case, as the store keeps GUIDs.
 */
export function decodeGuid(bytes: Buffer, attribute = 'objectGUID'): string {
  if (bytes.length !== 16) throw new AttributeValueError(attribute, `has ${bytes.length} bytes; a GUID has 16`);
  const hex = (start: number, end: number, reverse: boolean): string => {
    const slice = Buffer.from(bytes.subarray(start, end));
    return (reverse ? slice.reverse() : slice).toString('hex');
  };
  return [hex(0, 4, true), hex(4, 6, true), hex(6, 8, true), hex(8, 10, false), hex(10, 16, false)].join('-');
}

/** The bytes of a GUID given in text form: the inverse of decodeGuid, for building objectGUID filters. */
export function encodeGuid(text: string): Buffer {
  const match = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/i.exec(text.trim());
  if (!match) throw new AttributeValueError('objectGUID', `"${text}" is not a GUID in text form`);
  const part = (index: number, reverse: boolean): Buffer => {
    const bytes = Buffer.from(match[index] ?? '', 'hex');
    return reverse ? bytes.reverse() : bytes;
  };
  return Buffer.concat([part(1, true), part(2, true), part(3, true), part(4, false), part(5, false)]);
}
