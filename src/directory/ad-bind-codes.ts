/**
 * The `data XXX` part of AD's invalidCredentials diagnostic message, e.g.
 * "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e, v4563",
 * says why the bind failed. Samba sends the same sub-codes.
 */
export const AD_BIND_REASONS: Readonly<Record<string, string>> = {
  '525': 'the account does not exist',
  '52e': 'the user name or password is wrong',
  '52f': 'account restrictions prevent this logon',
  '530': 'the account may not log on at this time of day',
  '531': 'the account may not log on from this computer',
  '532': 'the password has expired',
  '533': 'the account is disabled',
  '568': 'the account belongs to too many groups',
  '701': 'the account has expired',
  '773': 'the password must be changed before the account can be used',
  '775': 'the account is locked out',
};

/** The sub-code in lower case (e.g. "52e"), or undefined when the message has none. */
export function parseAdBindSubcode(diagnostic: string): string | undefined {
  const match = /\bdata\s+([0-9a-f]{3,8})\b/i.exec(diagnostic);
  return match?.[1]?.toLowerCase();
}

export function describeAdBindSubcode(subcode: string | undefined): string {
  if (subcode === undefined) return 'the user name or password is wrong, or the account may not log on';
  return AD_BIND_REASONS[subcode] ?? `the server refused the logon (AD reason code ${subcode})`;
}
