/**
 * userAccountControl bits (MS-ADTS 2.2.16), by the names Microsoft's
 * documentation uses, so that a finding can quote the flag an administrator
 * will search for.
 */
export const UAC_FLAGS = {
  SCRIPT: 0x1,
  ACCOUNTDISABLE: 0x2,
  HOMEDIR_REQUIRED: 0x8,
  LOCKOUT: 0x10,
  PASSWD_NOTREQD: 0x20,
  PASSWD_CANT_CHANGE: 0x40,
  ENCRYPTED_TEXT_PWD_ALLOWED: 0x80,
  TEMP_DUPLICATE_ACCOUNT: 0x100,
  NORMAL_ACCOUNT: 0x200,
  INTERDOMAIN_TRUST_ACCOUNT: 0x800,
  WORKSTATION_TRUST_ACCOUNT: 0x1000,
  SERVER_TRUST_ACCOUNT: 0x2000,
  DONT_EXPIRE_PASSWORD: 0x10000,
  MNS_LOGON_ACCOUNT: 0x20000,
  SMARTCARD_REQUIRED: 0x40000,
  TRUSTED_FOR_DELEGATION: 0x80000,
  NOT_DELEGATED: 0x100000,
  USE_DES_KEY_ONLY: 0x200000,
  DONT_REQ_PREAUTH: 0x400000,
  PASSWORD_EXPIRED: 0x800000,
  TRUSTED_TO_AUTH_FOR_DELEGATION: 0x1000000,
  PARTIAL_SECRETS_ACCOUNT: 0x4000000,
} as const;

export type UacFlag = keyof typeof UAC_FLAGS;

const ENTRIES = Object.entries(UAC_FLAGS) as [UacFlag, number][];

/** The names of the bits set in `value`, lowest bit first; bits without a name are left out. */
export function uacFlagNames(value: number): UacFlag[] {
  return ENTRIES.filter(([, bit]) => (value & bit) === bit).map(([name]) => name);
}

export function hasUacFlag(value: number | null | undefined, flag: UacFlag): boolean {
  return value !== null && value !== undefined && (value & UAC_FLAGS[flag]) === UAC_FLAGS[flag];
}
