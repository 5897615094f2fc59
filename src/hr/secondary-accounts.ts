import { normalizeKey } from './match-keys';

/**
 * People with administrative rights usually get a second account for them:
 * `adm-jsmith`, `admin.jsmith`, `jsmith-adm`, `jsmith_admin`… It is that
 * person's account, not a non-human identity, so it is linked to the
 * person's everyday account (the primary one) rather than left unmatched.
 */
const ADMIN_PREFIX = /^(?:adm|admin|a)[-_.](.+)$/;
const ADMIN_SUFFIX = /^(.+?)[-_.](?:adm|admin|a)$/;

/** The user name an admin account is named after (`adm-jsmith` → `jsmith`), lower-case; undefined otherwise. */
export function adminAccountBase(samAccountName: string): string | undefined {
  const sam = normalizeKey(samAccountName);
  if (sam === undefined) return undefined;
  const base = ADMIN_PREFIX.exec(sam)?.[1] ?? ADMIN_SUFFIX.exec(sam)?.[1];
  return base === undefined || base.length < 2 ? undefined : base;
}

export function isAdminAccountName(samAccountName: string): boolean {
  return adminAccountBase(samAccountName) !== undefined;
}
