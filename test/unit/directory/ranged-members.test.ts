import { describe, expect, it } from 'vitest';
import {
  completeRangedAttribute,
  findRangeKey,
  type DirectoryConnection,
  type DirectoryEntry,
} from '../../../src/directory';

describe('findRangeKey', () => {
  it('finds a capped range and its end', () => {
    const entry: DirectoryEntry = { dn: 'CN=G', 'member;range=0-1499': ['CN=a'] };
    expect(findRangeKey(entry, 'member')).toEqual({ key: 'member;range=0-1499', start: 0, end: 1499 });
  });

  it('marks the last range with no end, in any letter case', () => {
    const entry: DirectoryEntry = { dn: 'CN=G', 'Member;Range=1500-*': ['CN=a'] };
    expect(findRangeKey(entry, 'member')).toEqual({ key: 'Member;Range=1500-*', start: 1500, end: undefined });
  });

  it('finds nothing for an uncapped answer or another attribute', () => {
    expect(findRangeKey({ dn: 'CN=G', member: ['CN=a'] }, 'member')).toBeUndefined();
    expect(findRangeKey({ dn: 'CN=G', 'memberOf;range=0-*': ['CN=a'] }, 'member')).toBeUndefined();
  });
});

describe('completeRangedAttribute without further reads', () => {
  // A connection that was never opened: any attempt to read another range fails with CONNECTION_CLOSED.
  const unopened: DirectoryConnection = {
    endpoint: { host: 'dc1.test', port: 636, transport: 'ldaps', url: 'ldaps://dc1.test:636' },
    bindName: 'svc',
    timeoutMs: 1000,
    serverName: undefined,
  };

  it('keeps an uncapped answer as it is', async () => {
    const entry: DirectoryEntry = { dn: 'CN=G', member: ['CN=a', 'CN=b'] };
    expect(await completeRangedAttribute(unopened, entry, 'member')).toEqual(entry);
  });

  it('moves a last range under the plain name', async () => {
    const entry: DirectoryEntry = { dn: 'CN=G', cn: 'G', 'member;range=0-*': ['CN=a', 'CN=b'] };
    expect(await completeRangedAttribute(unopened, entry, 'member')).toEqual({
      dn: 'CN=G',
      cn: 'G',
      member: ['CN=a', 'CN=b'],
    });
  });

  it('asks for the next range when the first one is capped', async () => {
    const entry: DirectoryEntry = { dn: 'CN=G', 'member;range=0-1499': ['CN=a'] };
    await expect(completeRangedAttribute(unopened, entry, 'member')).rejects.toMatchObject({
      code: 'CONNECTION_CLOSED',
    });
  });
});
