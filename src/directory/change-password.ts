import type { DirectoryConnection } from './connection';
import { modifyEntry } from './directory-writes';
import { DirectoryWriteError } from './write-errors';

/** AD takes a password set as the password in double quotes, encoded UTF-16LE, in unicodePwd. */
export function unicodePwdValue(password: string): Buffer {
  return Buffer.from(`"${password}"`, 'utf16le');
}

/**
 * Sets (resets) an account's password, as an administrator does: the old one
 * is not needed. Only over LDAPS or StartTLS: AD refuses unicodePwd on a plain
 * connection, and the password must never cross the network in clear anyway.
 */
export async function setAccountPassword(connection: DirectoryConnection, dn: string, password: string): Promise<void> {
  const { host, port, transport } = connection.endpoint;
  if (transport === 'ldap') {
    throw new DirectoryWriteError(
      'PASSWORD_NEEDS_ENCRYPTION',
      `A password for ${dn} would cross the network to ${host}:${port} in clear text: setting passwords needs LDAPS or StartTLS.`,
      { host, port, transport, dn },
    );
  }
  await modifyEntry(connection, dn, [
    { operation: 'replace', attribute: 'unicodePwd', values: [unicodePwdValue(password)] },
  ]);
}
