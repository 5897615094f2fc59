import { DNS_DOMAIN } from '../domain';
import { lastLogonFor, type GeneratorContext, type LogonProfile } from './context';
import { daysBefore } from './filetime';
import { BOTS_OU, MSA_CONTAINER, SERVICE_OU } from './layout';
import { escapeRdnValue } from './ldif';
import type { Account, AccountKind } from './model';
import { AI_AGENT_PURPOSES, APPLICATIONS, BOT_PURPOSES, ENVIRONMENTS, UNHINTED_NAMES, type Application } from './org';
import type { Person } from './people';
import { UAC } from './uac';

const SERVICE_LOGONS: LogonProfile = { fresh: 0.55, stale: 0.08, dormant: 0.25, never: 0.12 };
const BOT_LOGONS: LogonProfile = { fresh: 0.7, stale: 0.05, dormant: 0.15, never: 0.1 };
const MSA_LOGONS: LogonProfile = { fresh: 0.8, stale: 0.05, dormant: 0.1, never: 0.05 };

/** Who owns non-human accounts: mostly current staff, sometimes someone who has left. */
export interface Owners {
  current: readonly Person[];
  leavers: readonly Person[];
}

export function pickOwner(ctx: GeneratorContext, owners: Owners, leaverShare: number): Person {
  if (owners.leavers.length > 0 && ctx.rng.chance(leaverShare)) return ctx.rng.pick(owners.leavers);
  return ctx.rng.pick(owners.current);
}

export interface NonHumanSpec {
  kind: AccountKind;
  sam: string;
  /** Defaults to the sAMAccountName, as admins tend to name these objects. */
  cn?: string;
  parentDn: string;
  uac: number;
  description?: string;
  displayName?: string;
  owner?: Person;
  spns?: string[];
  encryptionTypes?: number;
  lastLogon: Date | undefined;
  accountExpires?: Date;
  password?: string;
  unhinted?: boolean;
  adminCount?: boolean;
  extra?: [string, string | undefined][];
}

/** A user-class account that no person uses. */
export function makeNonHuman(ctx: GeneratorContext, spec: NonHumanSpec): Account {
  const cn = ctx.names.cn(spec.cn ?? spec.sam, spec.parentDn);
  const account: Account = {
    kind: spec.kind,
    dn: `CN=${escapeRdnValue(cn)},${spec.parentDn}`,
    cn,
    sam: spec.sam,
    objectClass: 'user',
    uac: spec.uac,
    lastLogon: spec.lastLogon,
    accountExpires: spec.accountExpires,
    leaver: spec.owner?.status === 'Terminated',
    attributes: [
      ['userPrincipalName', `${spec.sam}@${DNS_DOMAIN}`],
      ['displayName', spec.displayName],
      ['description', spec.description],
      ['servicePrincipalName', spec.spns && spec.spns.length > 0 ? spec.spns : undefined],
      ['msDS-SupportedEncryptionTypes', spec.encryptionTypes === undefined ? undefined : String(spec.encryptionTypes)],
      ...(spec.extra ?? []),
    ],
    ...(spec.owner ? { managerDn: spec.owner.account.dn } : {}),
    ...(spec.password ? { password: spec.password } : {}),
    ...(spec.unhinted ? { unhinted: true } : {}),
    ...(spec.adminCount ? { adminCount: true } : {}),
  };
  ctx.accounts.push(account);
  return account;
}

/** Both SPN forms Windows registers: the FQDN (with port when there is one) and the short host name. */
export function spnsFor(ctx: GeneratorContext, app: Application): string[] {
  if (!app.spn) return [];
  const host = ctx.names.spnHost(app.spn.serviceClass, app.spn.host);
  const port = app.spn.port === undefined ? '' : `:${app.spn.port}`;
  return [`${app.spn.serviceClass}/${host}.${DNS_DOMAIN}${port}`, `${app.spn.serviceClass}/${host}`];
}

/** Windows' default when msDS-SupportedEncryptionTypes is absent is RC4; 24 is AES only; 28 allows both. */
function encryptionTypes(ctx: GeneratorContext): number | undefined {
  return ctx.rng.weighted([
    [undefined, 0.5],
    [24, 0.35],
    [28, 0.15],
  ] as const);
}

export function makeServiceAccounts(ctx: GeneratorContext, owners: Owners, count: number): Account[] {
  const { rng, names, now } = ctx;
  const made: Account[] = [];
  for (let i = 0; i < count; i += 1) {
    const app = rng.pick(APPLICATIONS);
    const env = rng.weighted(ENVIRONMENTS.map((e, index) => [e, index === 0 ? 0.6 : 0.4 / 3] as const));
    const pattern = rng.weighted([
      [`svc-${app.key}`, 0.5],
      [`svc-${app.key}-${env}`, 0.2],
      [`sa-${app.key}`, 0.1],
      [`app-${app.key}`, 0.1],
      [`${app.key}-svc`, 0.1],
    ] as const);
    let uac = UAC.NORMAL_ACCOUNT;
    if (rng.chance(0.8)) uac |= UAC.DONT_EXPIRE_PASSWORD;
    if (rng.chance(0.04)) uac |= UAC.PASSWD_NOTREQD;
    if (rng.chance(0.03)) uac |= UAC.DONT_REQ_PREAUTH;
    if (rng.chance(0.03)) uac |= UAC.TRUSTED_FOR_DELEGATION;
    if (rng.chance(0.08)) uac |= UAC.ACCOUNTDISABLE;
    made.push(
      makeNonHuman(ctx, {
        kind: 'service',
        sam: names.sam(pattern),
        parentDn: SERVICE_OU,
        uac,
        description: rng.chance(0.8) ? `${app.label} service account (${env})` : undefined,
        owner: pickOwner(ctx, owners, 0.08),
        spns: app.spn && rng.chance(0.8) ? spnsFor(ctx, app) : [],
        encryptionTypes: encryptionTypes(ctx),
        lastLogon: lastLogonFor(ctx, SERVICE_LOGONS),
        accountExpires: rng.chance(0.02) ? daysBefore(now, rng.int(5, 200)) : undefined,
      }),
    );
  }
  return made;
}

export function makeBots(ctx: GeneratorContext, owners: Owners, count: number): Account[] {
  const { rng, names } = ctx;
  const made: Account[] = [];
  for (let i = 0; i < count; i += 1) {
    const purpose = rng.pick(BOT_PURPOSES);
    const prefix = rng.weighted([
      ['bot', 0.7],
      ['rpa', 0.3],
    ] as const);
    made.push(
      makeNonHuman(ctx, {
        kind: 'bot',
        sam: names.sam(`${prefix}-${purpose.key}`),
        parentDn: BOTS_OU,
        uac: UAC.NORMAL_ACCOUNT | UAC.DONT_EXPIRE_PASSWORD | (rng.chance(0.05) ? UAC.ACCOUNTDISABLE : 0),
        description: purpose.description,
        owner: pickOwner(ctx, owners, 0.1),
        lastLogon: lastLogonFor(ctx, BOT_LOGONS),
        extra: [['mail', rng.chance(0.2) ? names.mail(`${prefix}.${purpose.key}`, DNS_DOMAIN) : undefined]],
      }),
    );
  }
  return made;
}

export function makeAiAgents(ctx: GeneratorContext, owners: Owners, count: number): Account[] {
  const { rng, names } = ctx;
  const made: Account[] = [];
  for (let i = 0; i < count; i += 1) {
    const purpose = rng.pick(AI_AGENT_PURPOSES);
    const unhinted = rng.chance(0.3);
    const base = unhinted
      ? rng.pick(UNHINTED_NAMES)
      : rng.weighted([
          [`ai-${purpose.key}`, 0.4],
          [`svc-copilot-${purpose.key}`, 0.2],
          [`llm-${purpose.key}`, 0.2],
          [`agent-${purpose.key}`, 0.2],
        ] as const);
    const sam = names.sam(base);
    made.push(
      makeNonHuman(ctx, {
        kind: 'ai-agent',
        sam,
        parentDn: unhinted && rng.chance(0.5) ? SERVICE_OU : BOTS_OU,
        uac: UAC.NORMAL_ACCOUNT | UAC.DONT_EXPIRE_PASSWORD,
        description: purpose.description,
        displayName: unhinted ? sam.charAt(0).toUpperCase() + sam.slice(1) : undefined,
        owner: pickOwner(ctx, owners, 0.1),
        lastLogon: lastLogonFor(ctx, BOT_LOGONS),
        unhinted,
      }),
    );
  }
  return made;
}

export interface MsaSpec {
  kind: 'gmsa' | 'smsa';
  sam: string;
  description: string;
  spns?: string[];
  /** SDDL of who may read a gMSA's password. */
  passwordReaders?: string;
  /** Written to `managedBy`. */
  owner?: Person;
}

/** gMSAs and sMSAs, in the container AD puts them in, with the workstation-trust uAC they carry. */
export function makeManagedServiceAccount(ctx: GeneratorContext, spec: MsaSpec): Account {
  const cn = ctx.names.cn(spec.sam.replace(/\$$/, ''), MSA_CONTAINER);
  const account: Account = {
    kind: spec.kind,
    dn: `CN=${escapeRdnValue(cn)},${MSA_CONTAINER}`,
    cn,
    sam: spec.sam,
    objectClass: spec.kind === 'gmsa' ? 'msDS-GroupManagedServiceAccount' : 'msDS-ManagedServiceAccount',
    uac: UAC.WORKSTATION_TRUST_ACCOUNT,
    lastLogon: lastLogonFor(ctx, MSA_LOGONS),
    accountExpires: undefined,
    leaver: spec.owner?.status === 'Terminated',
    attributes: [
      ['description', spec.description],
      ['dNSHostName', `${cn}.${DNS_DOMAIN}`],
      ['servicePrincipalName', spec.spns && spec.spns.length > 0 ? spec.spns : undefined],
      ['msDS-ManagedPasswordInterval', spec.kind === 'gmsa' ? '30' : undefined],
      ['msDS-GroupMSAMembership', spec.passwordReaders],
      ['msDS-SupportedEncryptionTypes', '28'],
    ],
    ...(spec.owner ? { managedByDn: spec.owner.account.dn } : {}),
  };
  ctx.accounts.push(account);
  return account;
}

/** Domain Computers may read the password: how most gMSAs end up configured. */
export const GMSA_READERS_SDDL = 'O:BAD:(A;;0xf01ff;;;DC)';

export function makeManagedServiceAccounts(ctx: GeneratorContext, gmsaCount: number, smsaCount: number): Account[] {
  const { rng, names } = ctx;
  const made: Account[] = [];
  for (let i = 0; i < gmsaCount; i += 1) {
    const app = rng.pick(APPLICATIONS);
    const sam = names.sam(`gmsa-${app.key}$`);
    made.push(
      makeManagedServiceAccount(ctx, {
        kind: 'gmsa',
        sam,
        description: `${app.label} (group managed service account)`,
        spns: rng.chance(0.4) ? spnsFor(ctx, app) : [],
        passwordReaders: rng.chance(0.7) ? GMSA_READERS_SDDL : undefined,
      }),
    );
  }
  for (let i = 0; i < smsaCount; i += 1) {
    const app = rng.pick(APPLICATIONS);
    made.push(
      makeManagedServiceAccount(ctx, {
        kind: 'smsa',
        sam: names.sam(`msa-${app.key}$`),
        description: `${app.label} on a single server (managed service account)`,
      }),
    );
  }
  return made;
}
