import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DC_FQDN } from './domain';
import { dcTools } from './packages';
import { runCommand } from './run-command';

export interface CertificateAuthority {
  keyPath: string;
  certPath: string;
  pem: string;
}

export interface ServerCertificate {
  keyPath: string;
  certPath: string;
  pem: string;
}

const OPENSSL_TIMEOUT_MS = 20_000;

// EC keys: generated in milliseconds, which keeps restoring a template fast.
const EC_KEY_ARGS = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function requestConfig(commonName: string, extensions: string[]): string {
  return [
    '[req]',
    'distinguished_name = dn',
    'prompt = no',
    'x509_extensions = ext',
    '[dn]',
    `CN = ${commonName}`,
    '[ext]',
    ...extensions,
    '',
  ].join('\n');
}

/** A self-signed CA whose certificate tests pass as the only extra trust anchor. */
export async function createCertificateAuthority(
  dir: string,
  commonName = 'Warden Test CA',
): Promise<CertificateAuthority> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const configPath = join(dir, 'ca.cnf');
  const keyPath = join(dir, 'ca.key');
  const certPath = join(dir, 'ca.pem');
  await writeFile(
    configPath,
    requestConfig(commonName, [
      'basicConstraints = critical,CA:TRUE',
      'keyUsage = critical,keyCertSign,cRLSign',
      'subjectKeyIdentifier = hash',
    ]),
  );
  await runCommand(
    dcTools().openssl,
    ['req', '-x509', '-config', configPath, ...EC_KEY_ARGS, '-keyout', keyPath, '-out', certPath, '-days', '3650'],
    { timeoutMs: OPENSSL_TIMEOUT_MS },
  );
  await chmod(keyPath, 0o600);
  return { keyPath, certPath, pem: await readFile(certPath, 'utf8') };
}

/**
 * A server certificate for the DC at `ip`, valid for that address, the DC's
 * DNS name and localhost, so tests can check names with verification on.
 */
export async function issueServerCertificate(
  ca: Pick<CertificateAuthority, 'keyPath' | 'certPath'>,
  dir: string,
  ip: string,
): Promise<ServerCertificate> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const configPath = join(dir, 'server.cnf');
  const keyPath = join(dir, 'server.key');
  const certPath = join(dir, 'server.pem');
  await writeFile(
    configPath,
    requestConfig(DC_FQDN, [
      'basicConstraints = critical,CA:FALSE',
      'keyUsage = critical,digitalSignature',
      'extendedKeyUsage = serverAuth',
      `subjectAltName = IP:${ip},DNS:${DC_FQDN},DNS:localhost`,
      'authorityKeyIdentifier = keyid',
      'subjectKeyIdentifier = hash',
    ]),
  );
  await runCommand(
    dcTools().openssl,
    [
      'req',
      '-x509',
      '-config',
      configPath,
      '-CA',
      ca.certPath,
      '-CAkey',
      ca.keyPath,
      ...EC_KEY_ARGS,
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '30',
    ],
    { timeoutMs: OPENSSL_TIMEOUT_MS },
  );
  // Samba refuses a private key that others can read.
  await chmod(keyPath, 0o600);
  return { keyPath, certPath, pem: await readFile(certPath, 'utf8') };
}

/** The smb.conf options that make Samba serve `cert` and stop generating its own. */
export function tlsSmbOptions(
  cert: ServerCertificate,
  ca: Pick<CertificateAuthority, 'certPath'>,
): Record<string, string> {
  return {
    'tls enabled': 'yes',
    'tls keyfile': cert.keyPath,
    'tls certfile': cert.certPath,
    'tls cafile': ca.certPath,
  };
}
