import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ADMIN_PASSWORD, DC_HOST_NAME, NETBIOS_DOMAIN, REALM } from './domain';
import { TestDcError } from './errors';
import { dcTools } from './packages';
import { runCommand, tail } from './run-command';
import { setGlobalOptions, updateSmbConf } from './smb-conf';

export interface DcLayout {
  dir: string;
  confPath: string;
  samLdbPath: string;
  pidFile: string;
  logPath: string;
}

export function dcLayout(dir: string): DcLayout {
  return {
    dir,
    confPath: join(dir, 'etc', 'smb.conf'),
    samLdbPath: join(dir, 'private', 'sam.ldb'),
    pidFile: join(dir, 'run', 'samba.pid'),
    logPath: join(dir, 'log', 'samba.log'),
  };
}

const PROVISION_TIMEOUT_MS = 180_000;

/**
 * Options every test DC runs with: only the directory services (no file
 * server, no winbind), and plain LDAP binds allowed so the refusal of plain
 * LDAP can be tested in Warden rather than by the server.
 */
export function baseSmbOptions(dir: string, ip: string): Record<string, string> {
  return {
    'server services': 'ldap cldap kdc',
    'ldap server require strong auth': 'no',
    interfaces: `${ip}/8`,
    'bind interfaces only': 'yes',
    'pid directory': join(dir, 'run'),
    'log file': join(dir, 'log', 'samba.log'),
  };
}

/** Provisions an empty domain into `dir`, following notes/samba-ad.md. */
export async function provisionDomain(dir: string, ip: string): Promise<DcLayout> {
  const layout = dcLayout(dir);
  for (const sub of ['etc', 'run', 'log']) await mkdir(join(dir, sub), { recursive: true });
  // Provision copies /etc/samba/smb.conf (homes, printers, guest) unless -s names an existing empty file.
  await writeFile(layout.confPath, '');
  const result = await runCommand(
    dcTools().sambaTool,
    [
      'domain',
      'provision',
      '-s',
      layout.confPath,
      `--targetdir=${dir}`,
      `--realm=${REALM}`,
      `--domain=${NETBIOS_DOMAIN}`,
      '--server-role=dc',
      '--dns-backend=NONE',
      `--adminpass=${ADMIN_PASSWORD}`,
      '--use-rfc2307',
      `--host-name=${DC_HOST_NAME}`,
      `--host-ip=${ip}`,
      `--option=interfaces=${ip}/8`,
      '--option=bind interfaces only=yes',
      `--option=pid directory=${join(dir, 'run')}`,
      `--option=ncalrpc dir=${join(dir, 'run', 'ncalrpc')}`,
      `--option=winbindd socket directory=${join(dir, 'run', 'winbindd')}`,
      `--option=ntp signd socket directory=${join(dir, 'run', 'ntp_signd')}`,
      `--option=log file=${layout.logPath}`,
    ],
    { timeoutMs: PROVISION_TIMEOUT_MS, check: false },
  );
  if (result.exitCode !== 0) {
    throw new TestDcError(
      'TEST_DC_PROVISION_FAILED',
      `samba-tool domain provision failed:\n${tail(result.stderr || result.stdout)}`,
      {
        dir,
        ip,
      },
    );
  }
  // Provision drops some of the options above and writes its own `server services`.
  await updateSmbConf(layout.confPath, (conf) => setGlobalOptions(conf, baseSmbOptions(dir, ip)));
  return layout;
}
