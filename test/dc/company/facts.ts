import { daysBefore } from './filetime';
import type { AccountKind, Company, NotableRole } from './model';
import { SPECIAL_CHARACTER_NAME } from './notable';
import { BIG_GROUP_NAME } from './groups';
import { CORP_OU, HELPDESK_OU } from './layout';
import { UAC, hasFlag } from './uac';

/** The ad-checks.md default: no logon for 90 days. */
export const DORMANT_AFTER_DAYS = 90;

/**
 * What the seed put in the directory, computed from the same model that wrote
 * the LDIF, so tests assert against known truths rather than re-deriving them.
 */
export interface SeedFacts {
  parameters: { accounts: number; seed: number; referenceDate: string };
  baseDn: string;
  corpOuDn: string;
  helpdeskOuDn: string;
  specialCharacterName: string;
  counts: {
    /** Account objects the seed created (users, gMSAs, sMSAs). */
    seededAccounts: number;
    /** Accounts provision created (Administrator, Guest, krbtgt, dns-…), measured after seeding. */
    builtinAccounts: number;
    /** What the account filter of ad-checks.md returns from the domain root. */
    totalAccounts: number;
    byKind: Record<AccountKind, number>;
    enabled: number;
    disabled: number;
    /** lastLogonTimestamp older than DORMANT_AFTER_DAYS before the reference date. */
    dormant: number;
    neverLoggedOn: number;
    /** accountExpires before the reference date. */
    expired: number;
    withSpn: number;
    asRepRoastable: number;
    unconstrainedDelegation: number;
    passwordNotRequired: number;
    passwordNeverExpires: number;
    /** User-class accounts with SPNs and no msDS-SupportedEncryptionTypes: RC4 by default. */
    spnWithoutEncryptionTypes: number;
    aesOnly: number;
    adminCount: number;
    unhintedAiAgents: number;
    /** Non-human accounts whose owner (`manager`, else `managedBy`) has left according to HR. */
    ownedByLeaver: number;
    /** People HR marks Terminated whose account is still enabled. */
    leaversEnabled: number;
    leaversDisabled: number;
    hrRows: number;
    hrWithoutAccount: number;
    groups: number;
  };
  bigGroup: { dn: string; name: string; memberCount: number };
  notable: Record<NotableRole, string>;
}

const NON_HUMAN: ReadonlySet<AccountKind> = new Set(['service', 'bot', 'ai-agent', 'gmsa', 'smsa']);

export function computeFacts(
  company: Company,
  params: { accounts: number; seed: number; now: Date },
  baseDn: string,
): Omit<SeedFacts, 'counts'> & { counts: Omit<SeedFacts['counts'], 'builtinAccounts' | 'totalAccounts'> } {
  const dormantBefore = daysBefore(params.now, DORMANT_AFTER_DAYS).getTime();
  const byKind: Record<AccountKind, number> = {
    person: 0,
    contractor: 0,
    admin: 0,
    service: 0,
    bot: 0,
    'ai-agent': 0,
    gmsa: 0,
    smsa: 0,
    helpdesk: 0,
    operator: 0,
  };
  const leaverDns = new Set(company.accounts.filter((a) => a.kind === 'person' && a.leaver).map((a) => a.dn));
  let enabled = 0,
    dormant = 0,
    neverLoggedOn = 0,
    expired = 0,
    withSpn = 0,
    asRepRoastable = 0;
  let unconstrainedDelegation = 0,
    passwordNotRequired = 0,
    passwordNeverExpires = 0,
    spnWithoutEncryptionTypes = 0;
  let aesOnly = 0,
    adminCount = 0,
    unhintedAiAgents = 0,
    ownedByLeaver = 0,
    leaversEnabled = 0,
    leaversDisabled = 0;
  for (const account of company.accounts) {
    byKind[account.kind] += 1;
    const disabled = hasFlag(account.uac, UAC.ACCOUNTDISABLE);
    if (!disabled) enabled += 1;
    if (account.lastLogon === undefined) neverLoggedOn += 1;
    else if (account.lastLogon.getTime() < dormantBefore) dormant += 1;
    if (account.accountExpires && account.accountExpires.getTime() < params.now.getTime()) expired += 1;
    const attribute = (name: string) => account.attributes.find(([n]) => n === name)?.[1];
    const hasSpn = attribute('servicePrincipalName') !== undefined;
    const encTypes = attribute('msDS-SupportedEncryptionTypes');
    if (hasSpn) withSpn += 1;
    if (hasSpn && encTypes === undefined && account.objectClass === 'user') spnWithoutEncryptionTypes += 1;
    if (encTypes === '24') aesOnly += 1;
    if (hasFlag(account.uac, UAC.DONT_REQ_PREAUTH)) asRepRoastable += 1;
    if (hasFlag(account.uac, UAC.TRUSTED_FOR_DELEGATION)) unconstrainedDelegation += 1;
    if (hasFlag(account.uac, UAC.PASSWD_NOTREQD)) passwordNotRequired += 1;
    if (hasFlag(account.uac, UAC.DONT_EXPIRE_PASSWORD)) passwordNeverExpires += 1;
    if (account.adminCount) adminCount += 1;
    if (account.unhinted) unhintedAiAgents += 1;
    const ownerDn = account.managerDn ?? account.managedByDn;
    if (NON_HUMAN.has(account.kind) && ownerDn && leaverDns.has(ownerDn)) ownedByLeaver += 1;
    if (account.kind === 'person' && account.leaver) {
      if (disabled) leaversDisabled += 1;
      else leaversEnabled += 1;
    }
  }
  const bigGroup = company.groups.find((g) => g.dn === company.notable.bigGroup);
  const withAccount = new Set(
    company.accounts.flatMap((a) => a.attributes.filter(([n]) => n === 'mail').map(([, v]) => String(v).toLowerCase())),
  );
  return {
    parameters: { accounts: params.accounts, seed: params.seed, referenceDate: params.now.toISOString() },
    baseDn,
    corpOuDn: CORP_OU,
    helpdeskOuDn: HELPDESK_OU,
    specialCharacterName: SPECIAL_CHARACTER_NAME,
    counts: {
      seededAccounts: company.accounts.length,
      byKind,
      enabled,
      disabled: company.accounts.length - enabled,
      dormant,
      neverLoggedOn,
      expired,
      withSpn,
      asRepRoastable,
      unconstrainedDelegation,
      passwordNotRequired,
      passwordNeverExpires,
      spnWithoutEncryptionTypes,
      aesOnly,
      adminCount,
      unhintedAiAgents,
      ownedByLeaver,
      leaversEnabled,
      leaversDisabled,
      hrRows: company.hrRows.length,
      hrWithoutAccount: company.hrRows.filter((row) => !withAccount.has(row.workEmail.toLowerCase())).length,
      groups: company.groups.length,
    },
    bigGroup: { dn: company.notable.bigGroup, name: BIG_GROUP_NAME, memberCount: bigGroup?.members.length ?? 0 },
    notable: company.notable,
  };
}
