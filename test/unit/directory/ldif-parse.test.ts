import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LdifError, parseLdif } from '../../../src/directory/ldif';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

const BASE = 'DC=corp,DC=example,DC=test';
const ZOE = `CN=Zoë Müller,OU=People,OU=Corp,${BASE}`;
const SVC = `CN=svc-sql,OU=Service Accounts,OU=Corp,${BASE}`;

/** The LdifError parseLdif throws for `text`. */
function errorOf(text: string): LdifError {
  try {
    parseLdif(text);
  } catch (error) {
    if (error instanceof LdifError) return error;
    throw error;
  }
  throw new Error('expected an LdifError');
}

describe('parseLdif on an ldapsearch -LLL export', () => {
  const entries = parseLdif(fixture('ldapsearch-lll.ldif'));

  it('reads every record and skips folded comments', () => {
    expect(entries.map((entry) => entry.dn)).toEqual([ZOE, SVC, `CN=SQL-Admins,OU=Groups,OU=Corp,${BASE}`]);
  });

  it('shapes values as ldapts does: one value alone, several as an array', () => {
    const [zoe] = entries;
    expect(zoe?.['sAMAccountName']).toBe('zmuller');
    expect(zoe?.['objectClass']).toEqual(['top', 'person', 'organizationalPerson', 'user']);
    expect(zoe?.['memberOf']).toEqual([
      `CN=SQL-Admins,OU=Groups,OU=Corp,${BASE}`,
      `CN=GG-Finance,OU=Groups,OU=Corp,${BASE}`,
    ]);
  });

  it('decodes base64 text as UTF-8, dn included', () => {
    const [zoe, svc] = entries;
    expect(zoe?.dn).toBe(ZOE);
    expect(zoe?.['givenName']).toBe('Zoë');
    expect(zoe?.['cn']).toBe('Zoë Müller');
    expect(svc?.['manager']).toBe(ZOE);
  });

  it('keeps leading and trailing spaces of a base64 value, and ": " inside a plain value', () => {
    const [zoe, svc] = entries;
    expect(zoe?.['description']).toBe('  Owner: Finance team  ');
    expect(svc?.['description']).toBe('SQL Server: production cluster (owner: DBA team)');
  });

  it('keeps objectGUID and objectSid as bytes', () => {
    const [zoe] = entries;
    const guid = zoe?.['objectGUID'];
    expect(Buffer.isBuffer(guid)).toBe(true);
    expect((guid as Buffer).toString('hex')).toBe('1e3c1d6f2b8a5d4c9e0f112233445566');
    const sid = zoe?.['objectSid'] as Buffer;
    expect(sid.length).toBe(28);
    expect(sid.readUInt32LE(24)).toBe(1105);
  });

  it('joins folded lines, removing only the one leading space', () => {
    const [, svc, group] = entries;
    expect(svc?.['servicePrincipalName']).toEqual([
      'MSSQLSvc/sql-prod-cluster-node-01.corp.example.test:1433',
      'MSSQLSvc/sql-prod-cluster-node-01.corp.example.test:SQLPRODINSTANCE01',
    ]);
    expect(group?.['member']).toContain(
      `CN=A Very Long Common Name For Folding Purposes,OU=Engineering,OU=People,OU=Corp,${BASE}`,
    );
    expect(parseLdif('dn: CN=a\ndescription: two\n  words\n')[0]?.['description']).toBe('two words');
  });
});

describe('parseLdif on an ldifde export', () => {
  it('reads CRLF, a BOM, a leading blank line and changetype: add as the same entries', () => {
    const text = fixture('ldifde.ldif');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\nchangetype: add\r\n');
    expect(parseLdif(text)).toEqual(parseLdif(fixture('ldapsearch-lll.ldif')));
  });
});

describe('parseLdif details', () => {
  it('accepts a version line, blank lines between records and no final line break', () => {
    const entries = parseLdif('version: 1\n\n\ndn: CN=a\ncn: a\n\n\n\ndn: CN=b\ncn: b');
    expect(entries).toEqual([
      { dn: 'CN=a', cn: 'a' },
      { dn: 'CN=b', cn: 'b' },
    ]);
  });

  it('skips the result and referral records of plain ldapsearch output', () => {
    const text = [
      '# extended LDIF',
      'version: 1',
      '',
      '# a, corp',
      'dn: CN=a',
      'cn: a',
      '',
      '# search reference',
      'ref: ldaps://corp.example.test/CN=Configuration,DC=corp,DC=example,DC=test',
      '',
      '# search result',
      'search: 2',
      'result: 0 Success',
      '',
      '# numResponses: 3',
    ].join('\n');
    expect(parseLdif(text)).toEqual([{ dn: 'CN=a', cn: 'a' }]);
  });

  it('refuses plain ldapsearch output of a search that stopped early', () => {
    const error = errorOf('version: 1\n\ndn: CN=a\ncn: a\n\nsearch: 2\nresult: 4 Size limit exceeded\n');
    expect(error.code).toBe('LDIF_INCOMPLETE');
    expect(error.details).toEqual({ line: 7 });
    expect(error.message).toContain('result: 4 Size limit exceeded');
  });

  it('skips comments inside a record without ending it', () => {
    expect(parseLdif('dn: CN=a\n# a note\n  folded\ncn: a\n')).toEqual([{ dn: 'CN=a', cn: 'a' }]);
  });

  it('keeps options in the attribute name, as ranged retrieval returns them', () => {
    const [entry] = parseLdif('dn: CN=g\nmember;range=0-1499: CN=x\nmember;range=0-1499: CN=y\n');
    expect(entry?.['member;range=0-1499']).toEqual(['CN=x', 'CN=y']);
  });

  it('merges the spellings of one attribute, keeping the first', () => {
    const [entry] = parseLdif('dn: CN=g\nmember: CN=x\nMember: CN=y\n');
    expect(entry).toEqual({ dn: 'CN=g', member: ['CN=x', 'CN=y'] });
  });

  it('keeps a base64 value that is not UTF-8 as bytes, like ldapts', () => {
    const [entry] = parseLdif('dn: CN=a\nthumbnailPhoto:: /9j/4A==\ncn: a\n');
    expect(entry?.['thumbnailPhoto']).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    expect(entry?.['cn']).toBe('a');
  });

  it('keeps every binary attribute and the ;binary option as bytes, even when written as text', () => {
    const [entry] = parseLdif(
      'dn: CN=a\nobjectsid: plain\nuserCertificate;binary:: YWI=\nsIDHistory:: YQ==\nsIDHistory:: Yg==\n',
    );
    expect(entry).toEqual({
      dn: 'CN=a',
      objectsid: Buffer.from('plain'),
      'userCertificate;binary': Buffer.from('ab'),
      sIDHistory: [Buffer.from('a'), Buffer.from('b')],
    });
  });

  it('reads empty values and a dn-only record', () => {
    expect(parseLdif('dn: CN=a\ninfo:\nextra::\n')).toEqual([{ dn: 'CN=a', info: '', extra: '' }]);
    expect(parseLdif('dn: CN=a\n')).toEqual([{ dn: 'CN=a' }]);
  });
});

describe('parseLdif refusals', () => {
  it('names the line of a change record', () => {
    const error = errorOf('dn: CN=a\ncn: a\n\ndn: CN=b\nchangetype: modify\nreplace: cn\ncn: c\n-\n');
    expect(error.code).toBe('LDIF_UNSUPPORTED_CHANGETYPE');
    expect(error.details).toMatchObject({ line: 5 });
    expect(error.message).toContain('line 5');
    expect(errorOf('dn: CN=a\nchangetype: delete\n').code).toBe('LDIF_UNSUPPORTED_CHANGETYPE');
    expect(errorOf('dn: CN=a\nchangetype: modrdn\nnewrdn: CN=b\n').code).toBe('LDIF_UNSUPPORTED_CHANGETYPE');
    expect(errorOf('dn: CN=a\ncn: a\nchangetype: add\n').code).toBe('LDIF_SYNTAX');
  });

  it('refuses values given as URLs', () => {
    const error = errorOf('dn: CN=a\njpegPhoto:< file:///etc/passwd\n');
    expect(error.code).toBe('LDIF_URL_VALUE');
    expect(error.details).toEqual({ line: 2, attribute: 'jpegPhoto' });
  });

  it('refuses damaged base64', () => {
    for (const value of ['abc', 'ab$=', 'YQ==YQ==', '=YQ=']) {
      const error = errorOf(`dn: CN=a\nobjectGUID:: ${value}\n`);
      expect(error.code).toBe('LDIF_BAD_BASE64');
      expect(error.details).toEqual({ line: 2, attribute: 'objectGUID' });
    }
  });

  it('refuses text that is not LDIF', () => {
    expect(errorOf('Employee ID,First Name\nE1,Zoë\n').code).toBe('LDIF_NOT_LDIF');
    expect(errorOf('# comment\ncn: a\n').code).toBe('LDIF_NOT_LDIF');
    expect(errorOf('\u0000\u0001\u0002binary').code).toBe('LDIF_NOT_LDIF');
    expect(errorOf('{"dn": "CN=a"}').code).toBe('LDIF_NOT_LDIF');
  });

  it('refuses input without entries', () => {
    expect(errorOf('').code).toBe('LDIF_EMPTY');
    expect(errorOf('\n\n# only a comment\n').code).toBe('LDIF_EMPTY');
    expect(errorOf('version: 1\n\n').code).toBe('LDIF_NO_ENTRIES');
    expect(errorOf('version: 2\ndn: CN=a\n').code).toBe('LDIF_UNSUPPORTED_VERSION');
  });

  it('refuses a record without dn and records run together', () => {
    const missing = errorOf('dn: CN=a\ncn: a\n\ncn: b\n');
    expect(missing.code).toBe('LDIF_MISSING_DN');
    expect(missing.details).toEqual({ line: 4 });
    expect(errorOf('dn: CN=a\ncn: a\ndn: CN=b\n').code).toBe('LDIF_SYNTAX');
  });

  it('refuses malformed lines and stray continuations, with their line', () => {
    const noColon = errorOf('dn: CN=a\nthis is not an attribute\n');
    expect(noColon.code).toBe('LDIF_SYNTAX');
    expect(noColon.details).toEqual({ line: 2 });
    expect(errorOf('dn: CN=a\nbad name: x\n').details).toEqual({ line: 2, attribute: 'bad name' });
    expect(errorOf(' dn: CN=a\n').code).toBe('LDIF_SYNTAX');
    const afterBlank = errorOf('dn: CN=a\ncn: a\n\n continued\n');
    expect(afterBlank.code).toBe('LDIF_SYNTAX');
    expect(afterBlank.details).toEqual({ line: 4 });
  });

  it('refuses bytes that are not text in a plain value, and a base64 dn that is not UTF-8', () => {
    expect(errorOf('dn: CN=a\ncn: a\uFFFDb\n').code).toBe('LDIF_ENCODING');
    expect(errorOf('dn:: /9j/4A==\n').code).toBe('LDIF_ENCODING');
  });

  it('puts the source in messages and details when given', () => {
    try {
      parseLdif('dn: CN=a\nobjectSid:: !!!!\n', { source: 'export.ldif' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LdifError);
      expect((error as LdifError).details).toEqual({ path: 'export.ldif', line: 2, attribute: 'objectSid' });
      expect((error as LdifError).message).toContain('export.ldif line 2');
    }
  });
});
