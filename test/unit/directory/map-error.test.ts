import {
  ConfidentialityRequiredError,
  InsufficientAccessError,
  InvalidCredentialsError,
  NoSuchObjectError,
  ProtocolError,
  StrongAuthRequiredError,
  UnwillingToPerformError,
} from 'ldapts';
import { describe, expect, it } from 'vitest';
import { DirectoryError } from '../../../src/directory';
import { certificateNames, toDirectoryError, type ErrorContext } from '../../../src/directory/map-error';

const ldaps: ErrorContext = {
  endpoint: { host: 'dc1.corp.example.test', port: 636, transport: 'ldaps' },
  stage: 'connect',
  bindName: 'svc-warden@corp.example.test',
  timeoutMs: 15_000,
};
const bind: ErrorContext = { ...ldaps, stage: 'bind' };

function systemError(code: string, message = `connect ${code} 10.0.0.5:636`): Error {
  return Object.assign(new Error(message), { code });
}

const bindFailure = (data: string) =>
  new InvalidCredentialsError(
    `80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data ${data}, v4563`,
  );

describe('toDirectoryError', () => {
  it('keeps the endpoint in the details of every error', () => {
    const error = toDirectoryError(systemError('ECONNREFUSED'), ldaps);
    expect(error).toBeInstanceOf(DirectoryError);
    expect(error.details).toMatchObject({
      host: 'dc1.corp.example.test',
      port: 636,
      transport: 'ldaps',
      stage: 'connect',
    });
  });

  it.each([
    ['ECONNREFUSED', 'refused'],
    ['EHOSTUNREACH', 'no route'],
    ['ENETUNREACH', 'network is unreachable'],
    ['ENOTFOUND', 'does not resolve'],
    ['EAI_AGAIN', 'DNS'],
  ])('maps %s to UNREACHABLE in words', (code, words) => {
    const error = toDirectoryError(systemError(code), ldaps);
    expect(error.code).toBe('UNREACHABLE');
    expect(error.message).toContain('dc1.corp.example.test:636');
    expect(error.message).toContain(words);
    expect(error.details).toMatchObject({ systemCode: code });
  });

  it('maps connect and operation timeouts to TIMEOUT', () => {
    expect(toDirectoryError(new Error('Connection timeout'), ldaps).code).toBe('TIMEOUT');
    const operation = toDirectoryError(new Error('BindRequest: Operation timed out'), bind);
    expect(operation.code).toBe('TIMEOUT');
    expect(operation.message).toContain('within 15 s');
    expect(toDirectoryError(systemError('ETIMEDOUT'), ldaps).code).toBe('TIMEOUT');
  });

  it.each([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  ])('maps %s to TLS_UNTRUSTED with the advice to import the CA', (code) => {
    const error = toDirectoryError(systemError(code, 'self-signed certificate'), ldaps);
    expect(error.code).toBe('TLS_UNTRUSTED');
    expect(error.message).toContain('not signed by a trusted CA — import the CA bundle');
    expect(error.details).toMatchObject({ tlsCode: code });
  });

  it('names both sides of a certificate name mismatch', () => {
    const mismatch = Object.assign(
      new Error(
        "Hostname/IP does not match certificate's altnames: Host: 10.0.0.5. is not in the cert's altnames: DNS:dc1.corp.example.test",
      ),
      {
        code: 'ERR_TLS_CERT_ALTNAME_INVALID',
        host: '10.0.0.5',
        cert: {
          subjectaltname: 'DNS:dc1.corp.example.test, IP Address:10.0.0.9',
          subject: { CN: 'dc1.corp.example.test' },
        },
      },
    );
    const error = toDirectoryError(mismatch, ldaps);
    expect(error.code).toBe('TLS_NAME_MISMATCH');
    expect(error.message).toBe(
      'The certificate of dc1.corp.example.test:636 is for dc1.corp.example.test, 10.0.0.9, not 10.0.0.5 — set the server name to a name the certificate carries.',
    );
    expect(error.details).toMatchObject({
      expectedName: '10.0.0.5',
      certificateNames: ['dc1.corp.example.test', '10.0.0.9'],
    });
  });

  it('maps expired and not-yet-valid certificates to TLS_EXPIRED', () => {
    expect(toDirectoryError(systemError('CERT_HAS_EXPIRED', 'certificate has expired'), ldaps)).toMatchObject({
      code: 'TLS_EXPIRED',
      message: expect.stringContaining('has expired'),
    });
    expect(toDirectoryError(systemError('CERT_NOT_YET_VALID'), ldaps).message).toContain('is not valid yet');
  });

  it('recognises LDAPS pointed at a port that does not speak TLS', () => {
    const error = toDirectoryError(
      systemError(
        'ERR_SSL_WRONG_VERSION_NUMBER',
        'C0B7:error:0A00010B:SSL routines:ssl3_get_record:wrong version number',
      ),
      ldaps,
    );
    expect(error.code).toBe('TLS_FAILED');
    expect(error.message).toContain('does not speak TLS');
    expect(toDirectoryError(systemError('ECONNRESET', 'read ECONNRESET'), ldaps).code).toBe('TLS_FAILED');
  });

  it.each([
    ['52e', 'the user name or password is wrong'],
    ['525', 'the account does not exist'],
    ['533', 'the account is disabled'],
    ['701', 'the account has expired'],
    ['773', 'the password must be changed'],
    ['775', 'the account is locked out'],
    ['532', 'the password has expired'],
    ['530', 'time of day'],
    ['531', 'from this computer'],
  ])('maps invalidCredentials with data %s to words', (data, words) => {
    const error = toDirectoryError(bindFailure(data), bind);
    expect(error.code).toBe('INVALID_CREDENTIALS');
    expect(error.message).toContain('refused the bind as svc-warden@corp.example.test');
    expect(error.message).toContain(words);
    expect(error.details).toMatchObject({
      adReasonCode: data,
      resultCode: 49,
      bindName: 'svc-warden@corp.example.test',
    });
  });

  it('maps invalidCredentials without a sub-code too', () => {
    const error = toDirectoryError(new InvalidCredentialsError(), bind);
    expect(error.code).toBe('INVALID_CREDENTIALS');
    expect(error.details?.['adReasonCode']).toBeUndefined();
  });

  it('tells the user to use LDAPS or StartTLS on strongerAuthRequired and confidentialityRequired', () => {
    const plain: ErrorContext = { ...bind, endpoint: { host: 'dc1', port: 389, transport: 'ldap' } };
    const signing = new StrongAuthRequiredError(
      '00002028: LdapErr: DSID-0C090259, comment: The server requires binds to turn on integrity checking if SSL\\TLS are not already active on the connection, data 0, v4563',
    );
    for (const cause of [signing, new ConfidentialityRequiredError()]) {
      const error = toDirectoryError(cause, plain);
      expect(error.code).toBe('STRONGER_AUTH_REQUIRED');
      expect(error.message).toContain('use LDAPS or StartTLS');
      expect(error.details).toMatchObject({ host: 'dc1', port: 389, transport: 'ldap' });
    }
  });

  it('says StartTLS was refused when the extended operation fails', () => {
    const starttls: ErrorContext = {
      ...ldaps,
      endpoint: { host: 'dc1', port: 389, transport: 'starttls' },
      stage: 'starttls',
    };
    const error = toDirectoryError(
      new UnwillingToPerformError('00000000: LdapErr: DSID-0C0911B6, comment: Error initializing SSL/TLS'),
      starttls,
    );
    expect(error.code).toBe('STARTTLS_REFUSED');
    expect(error.message).toContain('Use LDAPS on port 636');
    expect(toDirectoryError(new ProtocolError(), starttls).code).toBe('STARTTLS_REFUSED');
  });

  it('maps search failures', () => {
    const search: ErrorContext = { ...ldaps, stage: 'search', base: 'OU=Nowhere,DC=corp,DC=example,DC=test' };
    const missing = toDirectoryError(
      new NoSuchObjectError('0000208D: NameErr: DSID-03100241, problem 2001 (NO_OBJECT)'),
      search,
    );
    expect(missing.code).toBe('NO_SUCH_OBJECT');
    expect(missing.message).toContain('OU=Nowhere');
    expect(missing.details).toMatchObject({ base: 'OU=Nowhere,DC=corp,DC=example,DC=test', resultCode: 32 });
    expect(toDirectoryError(new InsufficientAccessError(), search).code).toBe('INSUFFICIENT_ACCESS');
    const other = toDirectoryError(new UnwillingToPerformError('00002035: SvcErr'), search);
    expect(other.code).toBe('LDAP_ERROR');
    expect(other.details).toMatchObject({ resultCode: 53, diagnostic: '00002035: SvcErr' });
  });

  it('maps a dropped connection to CONNECTION_LOST', () => {
    const search: ErrorContext = { ...ldaps, stage: 'search' };
    const error = toDirectoryError(
      new Error('Connection closed before message response was received. Message type: SearchRequest (0x63)'),
      search,
    );
    expect(error.code).toBe('CONNECTION_LOST');
    expect(toDirectoryError(systemError('ECONNRESET'), search).code).toBe('CONNECTION_LOST');
  });

  it('passes DirectoryErrors through and wraps anything else', () => {
    const original = new DirectoryError('CANCELLED', 'Cancelled.');
    expect(toDirectoryError(original, ldaps)).toBe(original);
    const wrapped = toDirectoryError('something odd', ldaps);
    expect(wrapped.code).toBe('LDAP_ERROR');
    expect(wrapped.message).toContain('something odd');
  });
});

describe('certificateNames', () => {
  it('reads DNS and IP names, falling back to the CN', () => {
    expect(certificateNames({ subjectaltname: 'DNS:a.example, IP Address:127.0.0.2, DNS:localhost' })).toEqual([
      'a.example',
      '127.0.0.2',
      'localhost',
    ]);
    expect(certificateNames({ subject: { CN: 'dc1' } as never })).toEqual(['dc1']);
    expect(certificateNames(undefined)).toEqual([]);
  });
});
