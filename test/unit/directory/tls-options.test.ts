import { rootCertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { buildTlsOptions } from '../../../src/directory/tls-options';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('buildTlsOptions', () => {
  it('always verifies certificates', () => {
    expect(buildTlsOptions({}).rejectUnauthorized).toBe(true);
    expect(buildTlsOptions({ caPem: PEM, serverName: 'dc1' }).rejectUnauthorized).toBe(true);
  });

  it('leaves the system roots alone when no CA is given', () => {
    expect(buildTlsOptions({}).ca).toBeUndefined();
    expect(buildTlsOptions({ caPem: '  ' }).ca).toBeUndefined();
  });

  it('adds a given CA to the system roots instead of replacing them', () => {
    const ca = buildTlsOptions({ caPem: PEM }).ca as string[];
    expect(ca).toHaveLength(rootCertificates.length + 1);
    expect(ca.at(-1)).toBe(PEM);
    expect(ca).toEqual(expect.arrayContaining([...rootCertificates]));
  });

  it('sets the name to check only when one is given', () => {
    expect(buildTlsOptions({ serverName: ' dc1.corp.example.test ' }).servername).toBe('dc1.corp.example.test');
    expect(buildTlsOptions({ serverName: '' }).servername).toBeUndefined();
  });
});
