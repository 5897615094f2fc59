import type { ConnectionTarget } from '../../src/api/schemas';
import {
  close,
  connectToTarget,
  isDirectoryError,
  readObject,
  setAccountPassword,
  type DirectoryConnection,
  type DirectoryError,
} from '../../src/directory';
import { CORP_OU } from '../dc/company/layout';
import { DNS_DOMAIN } from '../dc/domain';
import type { DirectoryWriter } from '../dc/directory-writer';
import { adminLdapsTarget, type TestDc } from '../dc/test-dc';

/** Where the kill-switch tests keep what they create, apart from the seeded company. */
export const KS_OU = `OU=KillSwitch,${CORP_OU}`;
export const QUARANTINE_OU = `OU=Quarantine,${CORP_OU}`;

/** NORMAL_ACCOUNT | PASSWD_NOTREQD: enabled without a password, as throw-away accounts are created. */
const ENABLED_WITHOUT_PASSWORD = '544';
const NORMAL_ACCOUNT = '512';

export function targetAs(dc: TestDc, bindName: string): ConnectionTarget {
  return { ...adminLdapsTarget(dc), bindName };
}

export async function createOu(writer: DirectoryWriter, dn: string): Promise<void> {
  await writer.add(dn, { objectClass: ['top', 'organizationalUnit'] });
}

export async function createGroup(writer: DirectoryWriter, parent: string, name: string): Promise<string> {
  const dn = `CN=${name},${parent}`;
  await writer.add(dn, { objectClass: ['top', 'group'], sAMAccountName: name });
  return dn;
}

export interface CreatedUser {
  dn: string;
  sam: string;
  upn: string;
  password: string | null;
}

/**
 * An enabled user, in `groups`; with a password it becomes a NORMAL_ACCOUNT
 * a test can bind as. The password is set through the product's own
 * unicodePwd write, over LDAPS as the administrator.
 */
export async function createUser(
  writer: DirectoryWriter,
  admin: DirectoryConnection,
  options: { parent: string; sam: string; password?: string; groups?: readonly string[]; description?: string },
): Promise<CreatedUser> {
  const dn = `CN=${options.sam},${options.parent}`;
  const upn = `${options.sam}@${DNS_DOMAIN}`;
  await writer.add(dn, {
    objectClass: ['top', 'person', 'organizationalPerson', 'user'],
    sAMAccountName: options.sam,
    userPrincipalName: upn,
    userAccountControl: ENABLED_WITHOUT_PASSWORD,
    ...(options.description === undefined ? {} : { description: options.description }),
  });
  if (options.password !== undefined) {
    await setAccountPassword(admin, dn, options.password);
    await writer.replace(dn, 'userAccountControl', [NORMAL_ACCOUNT]);
  }
  for (const group of options.groups ?? []) await writer.addValues(group, 'member', [dn]);
  return { dn, sam: options.sam, upn, password: options.password ?? null };
}

export function adminConnection(dc: TestDc): Promise<DirectoryConnection> {
  return connectToTarget(adminLdapsTarget(dc), dc.adminPassword);
}

/** Binds as the account: undefined when the bind succeeds, else the DirectoryError it failed with. */
export async function bindFailure(dc: TestDc, bindName: string, password: string): Promise<DirectoryError | undefined> {
  try {
    await close(await connectToTarget(targetAs(dc, bindName), password));
    return undefined;
  } catch (error) {
    if (isDirectoryError(error)) return error;
    throw error;
  }
}

/** An attribute of an object as the DC has it now, read as the administrator. */
export async function readAttribute(admin: DirectoryConnection, dn: string, attribute: string): Promise<string[]> {
  const entry = await readObject(admin, dn, [attribute]);
  if (entry === undefined) throw new Error(`${dn} does not exist`);
  const value = Object.entries(entry).find(([key]) => key.toLowerCase() === attribute.toLowerCase())?.[1];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item) => (Buffer.isBuffer(item) ? item.toString('utf8') : item));
}

export async function exists(admin: DirectoryConnection, dn: string): Promise<boolean> {
  return (await readObject(admin, dn, ['1.1'])) !== undefined;
}
