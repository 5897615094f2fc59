import { describe, expect, it } from 'vitest';
import { incrementalAnchor, type CurrentDirectoryState } from '../../../src/inventory/incremental-anchor';
import type { Snapshot } from '../../../src/store';

const previous: Snapshot = {
  id: 'base',
  profileId: 'p',
  sourceKind: 'ldap',
  dcHost: 'dc1.corp.example',
  invocationId: '76b4a790-c8d5-4425-9dc7-bd497a7c55e9',
  startedAt: '2025-05-01T00:00:00.000Z',
  finishedAt: '2025-05-01T00:01:00.000Z',
  status: 'complete',
  error: null,
  accountCount: 10,
  groupCount: 2,
  highestCommittedUsn: 6062,
  baseDn: 'DC=corp,DC=example',
  kind: 'full',
  baseSnapshotId: null,
  bindName: 'svc-warden@corp.example',
};

const now: CurrentDirectoryState = {
  dcHost: 'dc1.corp.example',
  invocationId: '76B4A790-C8D5-4425-9DC7-BD497A7C55E9',
  baseDn: 'dc=corp,dc=example',
  bindName: 'SVC-WARDEN@corp.example',
  highestCommittedUsn: '6100',
};

describe('the snapshot an incremental scan starts from', () => {
  it('is the last one when the same DC database, base and account read it', () => {
    expect(incrementalAnchor(previous, now)).toEqual({
      incremental: true,
      base: previous,
      changedAfterUsn: 6062,
      changedUpToUsn: 6100,
    });
    expect(incrementalAnchor(previous, { ...now, highestCommittedUsn: '6062' })).toMatchObject({ incremental: true });
  });

  it.each<[string, Snapshot | undefined, Partial<CurrentDirectoryState>, RegExp]>([
    ['no snapshot yet', undefined, {}, /no complete snapshot/],
    ['an LDIF snapshot', { ...previous, sourceKind: 'ldif' }, {}, /LDIF file/],
    ['another base DN', previous, { baseDn: 'OU=Corp,DC=corp,DC=example' }, /covers DC=corp,DC=example/],
    ['another account', previous, { bindName: 'admin@corp.example' }, /read as svc-warden@corp.example/],
    ['no invocationId', previous, { invocationId: undefined }, /did not give its invocationId/],
    [
      'another DC',
      previous,
      { invocationId: '11111111-2222-3333-4444-555555555555', dcHost: 'dc2' },
      /USNs are counted per DC/,
    ],
    ['a USN that went back', previous, { highestCommittedUsn: '100' }, /went back from 6062 to 100/],
    ['an unknown USN', { ...previous, highestCommittedUsn: null }, {}, /USN of dc1.corp.example is unknown/],
  ])('is refused for %s, with the reason', (_case, snapshot, change, reason) => {
    const decision = incrementalAnchor(snapshot, { ...now, ...change });
    expect(decision.incremental).toBe(false);
    if (!decision.incremental) expect(decision.reason).toMatch(reason);
  });
});
