import { describe, expect, it } from 'vitest';
import { describeAdBindSubcode, parseAdBindSubcode } from '../../../src/directory/ad-bind-codes';

const ad = (data: string): string =>
  `80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data ${data}, v4563\u0000`;

describe('AD bind sub-codes', () => {
  it('reads the data code from Windows and Samba messages', () => {
    expect(parseAdBindSubcode(ad('52e'))).toBe('52e');
    expect(parseAdBindSubcode(ad('775'))).toBe('775');
    expect(
      parseAdBindSubcode('80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 52e, v1db1'),
    ).toBe('52e');
    expect(parseAdBindSubcode(ad('52E'))).toBe('52e');
  });

  it('finds nothing in messages without one', () => {
    expect(parseAdBindSubcode('Invalid credentials during a bind operation.')).toBeUndefined();
    expect(parseAdBindSubcode('')).toBeUndefined();
  });

  it.each([
    ['525', 'does not exist'],
    ['52e', 'user name or password is wrong'],
    ['530', 'time of day'],
    ['531', 'from this computer'],
    ['532', 'password has expired'],
    ['533', 'disabled'],
    ['701', 'account has expired'],
    ['773', 'must be changed'],
    ['775', 'locked out'],
  ])('puts %s in words', (code, words) => {
    expect(describeAdBindSubcode(code)).toContain(words);
  });

  it('still says something for codes it does not know, and for none', () => {
    expect(describeAdBindSubcode('999')).toContain('999');
    expect(describeAdBindSubcode(undefined)).toContain('password');
  });
});
