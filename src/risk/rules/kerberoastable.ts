import { daysBefore } from '../days';
import type { RiskRule } from './rule';

/** msDS-SupportedEncryptionTypes bit for RC4-HMAC; an absent value lets the KDC use RC4. */
const RC4 = 0x4;

export const kerberoastable: RiskRule = {
  id: 'kerberoastable',
  title: 'Kerberoastable with RC4 and an old password',
  rationale:
    'Any domain user can ask for a service ticket for an account with an SPN and try to crack it offline; with RC4 allowed and a password unchanged for long, the attempt has time on its side.',
  remediation:
    'Use a gMSA, or set a long random password and rotate it; restrict msDS-SupportedEncryptionTypes to AES (0x18).',
  factor: 'impact',
  effect: 'points',
  defaultWeight: 2,
  evaluate({ account, enabled, asOf, policy }) {
    if (!enabled || account.spns.length === 0) return undefined;
    const types = account.supportedEncryptionTypes;
    if (types !== null && types !== 0 && (types & RC4) === 0) return undefined;
    const age = daysBefore(account.pwdLastSet, asOf);
    const limit = policy.risk.kerberoastPasswordAgeDays;
    if (age !== undefined && age <= limit) return undefined;
    const ageText = age === undefined ? 'never set' : `${age} days old`;
    return {
      summary: `SPN ${account.spns[0]}, RC4 allowed (msDS-SupportedEncryptionTypes ${types ?? 'not set'}), password ${ageText}`,
      details: { encryptionTypes: types, passwordAgeDays: age ?? null, limitDays: limit },
    };
  },
};
