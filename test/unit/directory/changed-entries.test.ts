import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DirectoryConnection, DirectoryEntry, PagedSearchOptions } from '../../../src/directory';
import { encodeGuid } from '../../../src/directory/decode-guid';
import { enumerateChangedEntries } from '../../../src/directory/enumerate';
import { splitTombstones } from '../../../src/directory/tombstones';

const searches: PagedSearchOptions[] = [];
let answer: DirectoryEntry[] = [];

vi.mock('../../../src/directory/search', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/directory/search')>()),
  searchPaged: async function* (_connection: DirectoryConnection, options: PagedSearchOptions) {
    searches.push(options);
    yield answer;
  },
}));

const NC = 'DC=corp,DC=test';
const DELETED_GUID = '1b6c4a3e-7f2d-4c1a-9e8b-0a1b2c3d4e5f';
const LIVE_GUID = '0f1e2d3c-4b5a-4968-8776-655443322110';

const deletedUser: DirectoryEntry = {
  dn: `CN=svc-gone\\0ADEL:${DELETED_GUID},CN=Deleted Objects,${NC}`,
  objectClass: ['top', 'person', 'organizationalPerson', 'user'],
  objectGUID: encodeGuid(DELETED_GUID),
  isDeleted: 'TRUE',
  lastKnownParent: `OU=Corp,${NC}`,
  // Would need a further read (and fail on this unopened connection) if taken for a live group.
  'member;range=0-1499': ['CN=a'],
};

const liveGroup: DirectoryEntry = {
  dn: `CN=Admins,OU=Corp,${NC}`,
  objectClass: ['top', 'group'],
  objectGUID: encodeGuid(LIVE_GUID),
  'member;range=0-*': ['CN=a', 'CN=b'],
};

// Never opened: any read beyond the mocked search fails with CONNECTION_CLOSED.
const unopened: DirectoryConnection = {
  endpoint: { host: 'dc1.test', port: 636, transport: 'ldaps', url: 'ldaps://dc1.test:636' },
  bindName: 'svc',
  timeoutMs: 1000,
  serverName: undefined,
};

describe('splitTombstones', () => {
  it('takes deleted objects out, with their GUID and the DN they had, whatever their class', () => {
    const { live, tombstones } = splitTombstones([deletedUser, liveGroup]);
    expect(live).toEqual([liveGroup]);
    expect(tombstones).toEqual([{ guid: DELETED_GUID, formerDn: `CN=svc-gone,OU=Corp,${NC}` }]);
  });

  it('reads a raw line feed in the RDN, and leaves the former DN unknown without lastKnownParent', () => {
    const { tombstones } = splitTombstones([
      { ...deletedUser, dn: `CN=svc-gone\nDEL:${DELETED_GUID},CN=Deleted Objects,${NC}` },
      { ...deletedUser, isDeleted: ['true'], lastKnownParent: [] },
    ]);
    expect(tombstones).toEqual([
      { guid: DELETED_GUID, formerDn: `CN=svc-gone,OU=Corp,${NC}` },
      { guid: DELETED_GUID, formerDn: undefined },
    ]);
  });

  it('keeps objects whose isDeleted is not TRUE', () => {
    const notDeleted = { ...liveGroup, isDeleted: 'FALSE' };
    expect(splitTombstones([notDeleted]).live).toEqual([notDeleted]);
  });
});

describe('enumerateChangedEntries', () => {
  beforeEach(() => {
    searches.length = 0;
    answer = [liveGroup, deletedUser];
  });

  const read = async (tombstones: boolean) => {
    const pages = [];
    for await (const page of enumerateChangedEntries(unopened, { baseDn: NC, changedAfterUsn: 41, tombstones }))
      pages.push(page);
    return pages;
  };

  it('asks one Show Deleted search for the changed objects and the tombstones, and parts them', async () => {
    const pages = await read(true);
    expect(searches).toHaveLength(1);
    expect(searches[0]).toMatchObject({ base: NC, filter: '(uSNChanged>=42)', showDeleted: true });
    expect(searches[0]?.attributes).toEqual(expect.arrayContaining(['objectGUID', 'isDeleted', 'lastKnownParent']));
    expect(pages).toEqual([
      {
        entries: [
          {
            dn: liveGroup.dn,
            objectClass: liveGroup.objectClass,
            objectGUID: liveGroup.objectGUID,
            member: ['CN=a', 'CN=b'],
          },
        ],
        tombstones: [{ guid: DELETED_GUID, formerDn: `CN=svc-gone,OU=Corp,${NC}` }],
      },
    ]);
  });

  it('names each USN up to the highest committed one while there are few, and a range past that', async () => {
    answer = [liveGroup];
    const filterFor = async (changedUpToUsn: number): Promise<string | undefined> => {
      searches.length = 0;
      for await (const page of enumerateChangedEntries(unopened, { baseDn: NC, changedAfterUsn: 41, changedUpToUsn }))
        void page;
      return searches[0]?.filter;
    };
    expect(await filterFor(44)).toBe('(|(uSNChanged=42)(uSNChanged=43)(uSNChanged=44))');
    expect(await filterFor(41 + 256)).toMatch(/^\(\|\(uSNChanged=42\).*\(uSNChanged=297\)\)$/);
    // Too many to name, or nothing committed since: the range, which also holds what changes during the scan.
    expect(await filterFor(41 + 257)).toBe('(uSNChanged>=42)');
    expect(await filterFor(41)).toBe('(uSNChanged>=42)');
  });

  it('without tombstones asks a plain search and parts nothing', async () => {
    answer = [liveGroup];
    const pages = await read(false);
    expect(searches[0]?.showDeleted).not.toBe(true);
    expect(searches[0]?.attributes).not.toContain('isDeleted');
    expect(pages).toHaveLength(1);
    expect(pages[0]?.tombstones).toEqual([]);
    expect(pages[0]?.entries.map((entry) => entry.dn)).toEqual([liveGroup.dn]);
  });
});
