import { InsufficientAccessError, NoSuchObjectError, UnwillingToPerformError } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { resolveEndpoint, toWriteError, type DirectoryConnection } from '../../../src/directory';

const connection: DirectoryConnection = {
  endpoint: resolveEndpoint({ host: 'dc1.corp.example.test', transport: 'ldaps', allowPlainLdap: false }),
  bindName: 'hd-tier1@corp.example.test',
  timeoutMs: 10_000,
  serverName: undefined,
};
const dn = 'CN=Donna Iyer,OU=Marketing,OU=People,OU=Corp,DC=corp,DC=example,DC=test';

describe('write errors', () => {
  it("say who may not change what, quoting AD's own diagnostic", () => {
    const error = toWriteError(
      new InsufficientAccessError(`00002098: Object ${dn} has no write property access`),
      connection,
      { verb: 'change userAccountControl of', dn, attribute: 'userAccountControl' },
    );
    expect(error.code).toBe('INSUFFICIENT_ACCESS');
    expect(error.message).toBe(
      `dc1.corp.example.test did not let hd-tier1@corp.example.test change userAccountControl of ${dn}: insufficient access rights (LDAP 50, 00002098: Object ${dn} has no write property access).`,
    );
    expect(error.details).toMatchObject({
      resultCode: 50,
      attribute: 'userAccountControl',
      bindName: 'hd-tier1@corp.example.test',
    });
  });

  it('tell unwilling-to-perform, a missing object and a lost connection apart', () => {
    const target = { verb: 'move', dn, newDn: `CN=Donna Iyer,OU=Quarantine,DC=corp` };
    expect(toWriteError(new UnwillingToPerformError('no'), connection, target).code).toBe('UNWILLING_TO_PERFORM');
    expect(toWriteError(new NoSuchObjectError('gone'), connection, target).code).toBe('NO_SUCH_OBJECT');
    const lost = toWriteError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), connection, target);
    expect(lost.code).toBe('WRITE_FAILED');
    expect(lost.message).toMatch(/the connection to dc1.corp.example.test:636 was lost.*may or may not have been made/);
  });
});
