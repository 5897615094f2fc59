import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../../src/directory';
import { LdifError, parseLdif, readLdifEntries, type ReadLdifOptions } from '../../../src/directory/ldif';

const ROOT = join(import.meta.dirname, '../../..');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const DEMO = join(ROOT, 'resources/demo/corp-demo.ldif');
const scratch = mkdtempSync(join(tmpdir(), 'warden-ldif-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

async function pages(path: string, options?: ReadLdifOptions): Promise<DirectoryEntry[][]> {
  const result: DirectoryEntry[][] = [];
  for await (const page of readLdifEntries(path, options)) result.push(page);
  return result;
}

async function failure(path: string, options?: ReadLdifOptions): Promise<LdifError> {
  try {
    await pages(path, options);
  } catch (error) {
    if (error instanceof LdifError) return error;
    throw error;
  }
  throw new Error('expected an LdifError');
}

/** `count` small user entries, as an export of that many accounts would hold. */
function manyEntries(count: number): string {
  const records: string[] = ['version: 1', ''];
  for (let i = 1; i <= count; i += 1)
    records.push(`dn: CN=user${i},OU=People,DC=corp,DC=example,DC=test`, `sAMAccountName: user${i}`, '');
  return records.join('\n');
}

describe('readLdifEntries', () => {
  it('reads the fixtures as parseLdif does', async () => {
    for (const name of ['ldapsearch-lll.ldif', 'ldifde.ldif']) {
      const path = join(FIXTURES, name);
      expect((await pages(path)).flat()).toEqual(parseLdif(readFileSync(path, 'utf8')));
    }
  });

  it('yields pages of pageSize entries, 500 by default', async () => {
    const path = file('many.ldif', manyEntries(1203));
    const byDefault = await pages(path);
    expect(byDefault.map((page) => page.length)).toEqual([500, 500, 203]);
    expect(byDefault[2]?.at(-1)).toEqual({
      dn: 'CN=user1203,OU=People,DC=corp,DC=example,DC=test',
      sAMAccountName: 'user1203',
    });
    expect((await pages(path, { pageSize: 601 })).map((page) => page.length)).toEqual([601, 601, 1]);
    expect((await pages(file('exact.ldif', manyEntries(1000)))).map((page) => page.length)).toEqual([500, 500]);
  });

  it('stops reading when the caller stops', async () => {
    const path = file('early.ldif', manyEntries(1203));
    let seen = 0;
    for await (const page of readLdifEntries(path, { pageSize: 100 })) {
      seen += page.length;
      break;
    }
    expect(seen).toBe(100);
  });

  it('reports an error after the pages before it, naming the file and the line', async () => {
    const path = file('late-error.ldif', `${manyEntries(600)}\ndn: CN=x\nchangetype: delete\n`);
    const seen: number[] = [];
    let caught: unknown;
    try {
      for await (const page of readLdifEntries(path)) seen.push(page.length);
    } catch (error) {
      caught = error;
    }
    expect(seen).toEqual([500]);
    expect(caught).toBeInstanceOf(LdifError);
    expect((caught as LdifError).code).toBe('LDIF_UNSUPPORTED_CHANGETYPE');
    // version, blank, 3 lines for each of 600 entries, then the blank line, dn (1803) and changetype (1804).
    expect((caught as LdifError).details).toEqual({ path, line: 1804, attribute: 'changetype' });
  });

  it('is cancelled through its signal, before and between pages', async () => {
    const path = file('cancel.ldif', manyEntries(1203));
    expect((await failure(path, { signal: AbortSignal.abort() })).code).toBe('CANCELLED');
    const controller = new AbortController();
    let caught: unknown;
    try {
      for await (const _page of readLdifEntries(path, { signal: controller.signal })) controller.abort();
    } catch (error) {
      caught = error;
    }
    expect((caught as LdifError).code).toBe('CANCELLED');
  });

  it('names a missing file, a folder, an empty file and one without entries', async () => {
    const missing = await failure(join(scratch, 'absent.ldif'));
    expect(missing.code).toBe('LDIF_NOT_FOUND');
    expect(missing.details).toEqual({ path: join(scratch, 'absent.ldif') });
    expect((await failure(scratch)).code).toBe('LDIF_READ_FAILED');
    expect((await failure(file('empty.ldif', ''))).code).toBe('LDIF_EMPTY');
    expect((await failure(file('version-only.ldif', 'version: 1\r\n'))).code).toBe('LDIF_NO_ENTRIES');
  });

  it('refuses binary junk, UTF-16 and other text', async () => {
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i += 1) junk[i] = (i * 7919 + 13) % 256;
    expect((await failure(file('junk.bin', junk))).code).toBe('LDIF_NOT_LDIF');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('dn: CN=a\r\n', 'utf16le')]);
    expect((await failure(file('unicode.ldif', utf16))).code).toBe('LDIF_ENCODING');
    const csv = await failure(file('hr.csv', 'Employee ID,First Name\nE1,Zoë\n'));
    expect(csv.code).toBe('LDIF_NOT_LDIF');
    expect(csv.details).toEqual({ path: join(scratch, 'hr.csv'), line: 1 });
  });

  it('refuses a pageSize that is not a positive integer', async () => {
    await expect(pages(join(FIXTURES, 'ldifde.ldif'), { pageSize: 0 })).rejects.toThrow(RangeError);
  });
});

describe('the demo domain', () => {
  it('reads whole, with its accounts, gMSAs and groups', async () => {
    const result = await pages(DEMO);
    const entries = result.flat();
    const dnLines = readFileSync(DEMO, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('dn:')).length;
    // 604 accounts (600 seeded, 4 made by the provision) and 60 groups; see resources/demo/README.md.
    expect(entries).toHaveLength(664);
    expect(entries).toHaveLength(dnLines);
    expect(result.map((page) => page.length)).toEqual([500, 164]);

    const classes = (entry: DirectoryEntry): string[] => [entry['objectClass'] ?? []].flat().map(String);
    const gmsas = entries.filter((entry) => classes(entry).includes('msDS-GroupManagedServiceAccount'));
    expect(gmsas.length).toBeGreaterThan(0);
    const groups = entries.filter((entry) => classes(entry).includes('group'));
    expect(groups.some((group) => Array.isArray(group['member']) && group['member'].length > 1)).toBe(true);
    for (const entry of entries) {
      expect((entry['objectGUID'] as Buffer).length).toBe(16);
      expect(Buffer.isBuffer(entry['objectSid'])).toBe(true);
    }
    expect(entries.some((entry) => entry.dn.includes('ü'))).toBe(true);
  });
});
