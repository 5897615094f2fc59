import { describe, expect, it } from 'vitest';
import {
  AttributeValueError,
  decodeGuid,
  decodeSid,
  domainSidOf,
  encodeGuid,
  fileTimeToIso,
  FILETIME_NEVER,
  generalizedTimeToIso,
  hasUacFlag,
  isoToFileTime,
  ridOf,
  uacFlagNames,
} from '../../../src/directory';

function sidBytes(authority: number, subAuthorities: number[]): Buffer {
  const bytes = Buffer.alloc(8 + subAuthorities.length * 4);
  bytes.writeUInt8(1, 0);
  bytes.writeUInt8(subAuthorities.length, 1);
  bytes.writeUIntBE(authority, 2, 6);
  subAuthorities.forEach((value, index) => bytes.writeUInt32LE(value, 8 + index * 4));
  return bytes;
}

describe('decodeSid', () => {
  it('decodes a domain SID with its RID', () => {
    const bytes = sidBytes(5, [21, 1004336348, 1177238915, 682003330, 512]);
    expect(decodeSid(bytes)).toBe('S-1-5-21-1004336348-1177238915-682003330-512');
  });

  it('decodes well-known SIDs', () => {
    expect(decodeSid(sidBytes(5, [32, 544]))).toBe('S-1-5-32-544');
    expect(decodeSid(sidBytes(1, [0]))).toBe('S-1-1-0');
  });

  it('reads sub-authorities as unsigned', () => {
    expect(decodeSid(sidBytes(5, [21, 4250261481, 1]))).toBe('S-1-5-21-4250261481-1');
  });

  it('refuses bytes whose length does not match the sub-authority count', () => {
    const bytes = sidBytes(5, [21, 1, 2, 3, 500]);
    expect(() => decodeSid(bytes.subarray(0, bytes.length - 1))).toThrow(AttributeValueError);
    expect(() => decodeSid(Buffer.alloc(3))).toThrow(/objectSid/);
  });

  it('splits a SID into domain and RID', () => {
    expect(ridOf('S-1-5-21-1-2-3-1105')).toBe(1105);
    expect(domainSidOf('S-1-5-21-1-2-3-1105')).toBe('S-1-5-21-1-2-3');
    expect(domainSidOf('S-1-5-32-544')).toBeUndefined();
  });
});

describe('decodeGuid', () => {
  const bytes = Buffer.from([4, 3, 2, 1, 6, 5, 8, 7, 9, 10, 11, 12, 13, 14, 15, 16]);

  it('swaps the first three groups as AD shows them, in lower case', () => {
    expect(decodeGuid(bytes)).toBe('01020304-0506-0708-090a-0b0c0d0e0f10');
  });

  it('does not change the buffer it reads', () => {
    const copy = Buffer.from(bytes);
    decodeGuid(bytes);
    expect(bytes).toEqual(copy);
  });

  it('round-trips through encodeGuid', () => {
    expect(encodeGuid('01020304-0506-0708-090A-0B0C0D0E0F10')).toEqual(bytes);
    const guid = 'd9e733f3-f911-4293-9d57-d163aa3363d1';
    expect(decodeGuid(encodeGuid(guid))).toBe(guid);
  });

  it('refuses anything but 16 bytes, naming the attribute', () => {
    expect(() => decodeGuid(Buffer.alloc(15), 'invocationId')).toThrow(/invocationId value has 15 bytes/);
    expect(() => encodeGuid('not-a-guid')).toThrow(AttributeValueError);
  });
});

describe('fileTimeToIso', () => {
  it('converts 100 ns ticks since 1601 to ISO time', () => {
    expect(fileTimeToIso('116444736000000000')).toBe('1970-01-01T00:00:00.000Z');
    expect(fileTimeToIso('132539328000000000')).toBe('2021-01-01T00:00:00.000Z');
    expect(fileTimeToIso('132539328001234567')).toBe('2021-01-01T00:00:00.123Z');
  });

  it('reads 0, the largest value and negative values as never', () => {
    expect(fileTimeToIso('0')).toBeNull();
    expect(fileTimeToIso(FILETIME_NEVER)).toBeNull();
    expect(fileTimeToIso('9223372036854775807')).toBeNull();
    expect(fileTimeToIso('-1')).toBeNull();
  });

  it('reads times after the year 9999 as never, so that stored times sort as text', () => {
    expect(fileTimeToIso('9223372036854775806')).toBeNull();
    expect(fileTimeToIso(isoToFileTime(new Date('9999-12-31T23:59:59.999Z')))).toBe('9999-12-31T23:59:59.999Z');
  });

  it('round-trips with isoToFileTime', () => {
    const date = new Date('2025-06-30T08:15:42.123Z');
    expect(fileTimeToIso(isoToFileTime(date))).toBe(date.toISOString());
  });

  it('refuses text that is not a number, naming the attribute', () => {
    expect(() => fileTimeToIso('yesterday', 'pwdLastSet')).toThrow(/pwdLastSet value "yesterday"/);
  });
});

describe('generalizedTimeToIso', () => {
  it('converts AD whenCreated values', () => {
    expect(generalizedTimeToIso('20250101120000.0Z')).toBe('2025-01-01T12:00:00.000Z');
    expect(generalizedTimeToIso('20261128153158.0Z')).toBe('2026-11-28T15:31:58.000Z');
  });

  it('accepts no fraction, a fraction and an offset', () => {
    expect(generalizedTimeToIso('20250101120000Z')).toBe('2025-01-01T12:00:00.000Z');
    expect(generalizedTimeToIso('20250101120000.5Z')).toBe('2025-01-01T12:00:00.500Z');
    expect(generalizedTimeToIso('20250101120000.0+0130')).toBe('2025-01-01T10:30:00.000Z');
    expect(generalizedTimeToIso('20250101120000-05')).toBe('2025-01-01T17:00:00.000Z');
  });

  it('refuses other text, naming the attribute', () => {
    expect(() => generalizedTimeToIso('2025-01-01', 'whenCreated')).toThrow(/whenCreated value "2025-01-01"/);
    expect(() => generalizedTimeToIso('20251301120000Z')).toThrow(AttributeValueError);
    expect(() => generalizedTimeToIso('20250231120000Z')).toThrow(/not a valid date/);
  });
});

describe('uacFlagNames', () => {
  it('names the bits of common values', () => {
    expect(uacFlagNames(512)).toEqual(['NORMAL_ACCOUNT']);
    expect(uacFlagNames(514)).toEqual(['ACCOUNTDISABLE', 'NORMAL_ACCOUNT']);
    expect(uacFlagNames(66048)).toEqual(['NORMAL_ACCOUNT', 'DONT_EXPIRE_PASSWORD']);
    expect(uacFlagNames(4096)).toEqual(['WORKSTATION_TRUST_ACCOUNT']);
    expect(uacFlagNames(0x200 | 0x400000 | 0x80000 | 0x20)).toEqual([
      'PASSWD_NOTREQD',
      'NORMAL_ACCOUNT',
      'TRUSTED_FOR_DELEGATION',
      'DONT_REQ_PREAUTH',
    ]);
  });

  it('leaves out bits without a name', () => {
    expect(uacFlagNames(0x4 | 0x200)).toEqual(['NORMAL_ACCOUNT']);
    expect(uacFlagNames(0)).toEqual([]);
  });

  it('tests one flag, treating a missing value as no flags', () => {
    expect(hasUacFlag(514, 'ACCOUNTDISABLE')).toBe(true);
    expect(hasUacFlag(512, 'ACCOUNTDISABLE')).toBe(false);
    expect(hasUacFlag(null, 'ACCOUNTDISABLE')).toBe(false);
  });
});
