import { describe, expect, it } from 'vitest';
import { DirectoryError, resolveEndpoint } from '../../../src/directory';

describe('resolveEndpoint', () => {
  it('uses 636 for LDAPS and 389 for StartTLS and plain LDAP', () => {
    expect(resolveEndpoint({ host: 'dc1.corp.example.test', transport: 'ldaps', allowPlainLdap: false })).toEqual({
      host: 'dc1.corp.example.test',
      port: 636,
      transport: 'ldaps',
      url: 'ldaps://dc1.corp.example.test:636',
    });
    expect(resolveEndpoint({ host: 'dc1', transport: 'starttls', allowPlainLdap: false })).toMatchObject({
      port: 389,
      url: 'ldap://dc1:389',
    });
    expect(resolveEndpoint({ host: 'dc1', transport: 'ldap', allowPlainLdap: true })).toMatchObject({
      port: 389,
      url: 'ldap://dc1:389',
    });
  });

  it('keeps an explicit port', () => {
    expect(resolveEndpoint({ host: 'dc1', port: 3269, transport: 'ldaps', allowPlainLdap: false }).url).toBe(
      'ldaps://dc1:3269',
    );
  });

  it('puts IPv6 addresses in brackets, once', () => {
    expect(resolveEndpoint({ host: 'fd00::5', transport: 'ldaps', allowPlainLdap: false }).url).toBe(
      'ldaps://[fd00::5]:636',
    );
    expect(resolveEndpoint({ host: '[fd00::5]', transport: 'ldaps', allowPlainLdap: false }).url).toBe(
      'ldaps://[fd00::5]:636',
    );
  });

  it('refuses plain LDAP unless allowed, and says why', () => {
    let thrown: unknown;
    try {
      resolveEndpoint({ host: 'dc1', transport: 'ldap', allowPlainLdap: false });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DirectoryError);
    const error = thrown as DirectoryError;
    expect(error.code).toBe('PLAIN_LDAP_REFUSED');
    expect(error.message).toContain('unencrypted');
    expect(error.details).toEqual({ host: 'dc1', port: 389, transport: 'ldap' });
  });

  it('does not let allowPlainLdap weaken LDAPS or StartTLS', () => {
    expect(resolveEndpoint({ host: 'dc1', transport: 'starttls', allowPlainLdap: true }).transport).toBe('starttls');
  });
});
