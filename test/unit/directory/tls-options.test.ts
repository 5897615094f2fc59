import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer, rootCertificates, type Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTlsOptions } from '../../../src/directory/tls-options';

const dir = mkdtempSync(join(tmpdir(), 'warden-tls-'));

/** A CA and a certificate it issued for localhost, made with openssl (EC keys: milliseconds). */
function issue(name: string): { caPem: string; key: string; cert: string } {
  const path = (file: string) => join(dir, `${name}-${file}`);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  writeFileSync(
    path('ca.cnf'),
    '[req]\ndistinguished_name=dn\nprompt=no\nx509_extensions=ext\n[dn]\nCN=Test CA\n[ext]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign\n',
  );
  execFileSync('openssl', [
    'req',
    '-x509',
    '-config',
    path('ca.cnf'),
    ...ec,
    '-keyout',
    path('ca.key'),
    '-out',
    path('ca.pem'),
    '-days',
    '2',
  ]);
  writeFileSync(
    path('leaf.cnf'),
    '[req]\ndistinguished_name=dn\nprompt=no\nx509_extensions=ext\n[dn]\nCN=localhost\n[ext]\nbasicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n',
  );
  execFileSync('openssl', [
    'req',
    '-x509',
    '-config',
    path('leaf.cnf'),
    '-CA',
    path('ca.pem'),
    '-CAkey',
    path('ca.key'),
    ...ec,
    '-keyout',
    path('leaf.key'),
    '-out',
    path('leaf.pem'),
    '-days',
    '2',
  ]);
  return {
    caPem: readFileSync(path('ca.pem'), 'utf8'),
    key: readFileSync(path('leaf.key'), 'utf8'),
    cert: readFileSync(path('leaf.pem'), 'utf8'),
  };
}

let server: Server;
let port = 0;
let trusted: ReturnType<typeof issue>;
let stranger: ReturnType<typeof issue>;

/** Whether a handshake with the test server passes verification with these options; the error code when not. */
function handshake(caPem?: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({
      host: '127.0.0.1',
      port,
      ...buildTlsOptions({ ...(caPem === undefined ? {} : { caPem }), serverName: 'localhost' }),
    });
    socket.once('secureConnect', () => {
      socket.destroy();
      resolve('verified');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

beforeAll(async () => {
  trusted = issue('trusted');
  stranger = issue('stranger');
  server = createServer({ key: trusted.key, cert: trusted.cert }, (socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('buildTlsOptions', () => {
  it('always verifies certificates', () => {
    expect(buildTlsOptions({}).rejectUnauthorized).toBe(true);
    expect(buildTlsOptions({ caPem: rootCertificates[0], serverName: 'dc1' }).rejectUnauthorized).toBe(true);
  });

  it('leaves the system roots alone when no CA is given', () => {
    expect(buildTlsOptions({}).ca).toBeUndefined();
    expect(buildTlsOptions({}).secureContext).toBeUndefined();
    expect(buildTlsOptions({ caPem: '  ' }).secureContext).toBeUndefined();
  });

  it('adds a given CA to the system roots instead of replacing them', () => {
    const options = buildTlsOptions({ caPem: rootCertificates[0] });
    // A context that starts from Node's roots; the `ca` option would have put the one CA in their place.
    expect(options.secureContext).toBeDefined();
    expect(options.ca).toBeUndefined();
  });

  it('verifies a server certificate issued by the given CA, and only by it', async () => {
    expect(await handshake(trusted.caPem)).toBe('verified');
    expect(await handshake()).not.toBe('verified');
    expect(await handshake(stranger.caPem)).not.toBe('verified');
  });

  it('sets the name to check only when one is given', () => {
    expect(buildTlsOptions({ serverName: ' dc1.corp.example.test ' }).servername).toBe('dc1.corp.example.test');
    expect(buildTlsOptions({ serverName: '' }).servername).toBeUndefined();
  });
});
