import { execFile as execFileCallback } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BindAccount } from './bind-accounts';
import { NETBIOS_DOMAIN, REALM } from './domain';
import { dcTools } from './packages';

const execFile = promisify(execFileCallback);

/**
 * Gets a Kerberos ticket through Samba's own client library (the Python
 * bindings samba-tool runs on). Samba writes lastLogon for Kerberos and
 * interactive logons only: the network logon of an LDAP simple bind leaves it
 * unset.
 */
const KINIT_SCRIPT = `
import sys
from samba import credentials, param
lp = param.LoadParm()
creds = credentials.Credentials()
creds.guess(lp)
creds.set_realm(sys.argv[1])
creds.set_domain(sys.argv[2])
creds.set_username(sys.argv[3])
creds.set_password(sys.stdin.readline().rstrip('\\n'))
creds.set_kerberos_state(credentials.MUST_USE_KERBEROS)
creds.get_named_ccache(lp, 'FILE:' + sys.argv[4])
`;

/** A Kerberos logon of `account` at the DC on `kdcIp`, so that DC records its lastLogon; files go to `workDir`. */
export async function kerberosLogon(kdcIp: string, account: BindAccount, workDir: string): Promise<void> {
  // The shebang may be "/usr/bin/python3" or "/usr/bin/env python3".
  const shebang = (await readFile(dcTools().sambaTool, 'utf8')).split('\n')[0] ?? '';
  const [interpreter, ...interpreterArgs] = shebang
    .replace(/^#!\s*/, '')
    .trim()
    .split(/\s+/);
  if (!interpreter) throw new Error(`${dcTools().sambaTool} names no interpreter`);
  const krb5Conf = join(workDir, 'krb5.conf');
  await writeFile(
    krb5Conf,
    `[libdefaults]\n\tdefault_realm = ${REALM}\n\tdns_lookup_kdc = false\n\tdns_lookup_realm = false\n` +
      `[realms]\n\t${REALM} = {\n\t\tkdc = ${kdcIp}\n\t}\n`,
  );
  const kinit = execFile(
    interpreter,
    [
      ...interpreterArgs,
      '-c',
      KINIT_SCRIPT,
      REALM,
      NETBIOS_DOMAIN,
      account.sAMAccountName,
      join(workDir, `${account.sAMAccountName}.ccache`),
    ],
    { env: { ...process.env, KRB5_CONFIG: krb5Conf }, timeout: 30_000 },
  );
  // The password goes through stdin, not the process list.
  kinit.child.stdin?.end(`${account.password}\n`);
  await kinit;
}
