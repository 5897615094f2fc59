import { describe, expect, it } from 'vitest';
import { OwnerDirectory, resolveOwner } from '../../../src/risk/owner';
import type { AssessmentAccount } from '../../../src/store';
import { account, DISABLED, group, serviceAccount } from './fixtures';

const jowner = account({
  samAccountName: 'jowner',
  upn: 'jane.owner@corp.example',
  mail: 'Jane.Owner@example.com',
  dn: 'CN=Jane Owner,OU=Staff,DC=corp,DC=example',
});
const bob = account({ samAccountName: 'bob', dn: 'CN=Bob,OU=Staff,DC=corp,DC=example' });
const appOwners = group({ name: 'App-Owners' });
const unnamedGroup = group({ name: 'Unnamed', samAccountName: null });

function directory(...extra: AssessmentAccount[]): OwnerDirectory {
  return new OwnerDirectory([jowner, bob, ...extra], [appOwners, unnamedGroup]);
}

const ACTIVE_JOWNER = {
  owner: 'jowner',
  ownerDn: 'CN=Jane Owner,OU=Staff,DC=corp,DC=example',
  status: 'active',
  reason: 'jowner is enabled and not a leaver',
};

describe('resolveOwner', () => {
  it.each([
    ['its sAMAccountName', 'JOwner'],
    ['its UPN', 'jane.owner@corp.example'],
    ['its mail address', 'jane.owner@EXAMPLE.com'],
    ['its DN', 'CN=Jane Owner,OU=Staff,DC=corp,DC=example'],
    ['its DN written differently', 'cn=jane owner, ou=staff, dc=corp, dc=example'],
    ['its name with spaces around', '  jowner '],
  ])('finds the owner recorded in Warden by %s', (_how, reference) => {
    expect(resolveOwner(serviceAccount(), reference, directory())).toEqual({ ...ACTIVE_JOWNER, source: 'warden' });
  });

  it('prefers Warden’s record over manager and managedBy', () => {
    const subject = serviceAccount({ managerDn: bob.dn, managedBy: appOwners.dn });
    expect(resolveOwner(subject, 'jowner', directory())).toMatchObject({ owner: 'jowner', source: 'warden' });
  });

  it('takes the manager next, then managedBy', () => {
    const both = serviceAccount({ managerDn: jowner.dn, managedBy: bob.dn });
    expect(resolveOwner(both, undefined, directory())).toEqual({ ...ACTIVE_JOWNER, source: 'manager' });
    const managedOnly = serviceAccount({ managedBy: jowner.dn });
    expect(resolveOwner(managedOnly, undefined, directory())).toEqual({ ...ACTIVE_JOWNER, source: 'managedBy' });
  });

  it('skips a blank record', () => {
    const subject = serviceAccount({ managerDn: jowner.dn });
    expect(resolveOwner(subject, '   ', directory()).source).toBe('manager');
  });

  it('accepts a group as managedBy, by its name or else its DN', () => {
    expect(resolveOwner(serviceAccount({ managedBy: appOwners.dn }), undefined, directory())).toEqual({
      owner: 'App-Owners',
      ownerDn: appOwners.dn,
      source: 'managedBy',
      status: 'active',
      reason: 'owned by the group App-Owners',
    });
    expect(resolveOwner(serviceAccount({ managedBy: unnamedGroup.dn }), undefined, directory())).toMatchObject({
      owner: unnamedGroup.dn,
      status: 'active',
      reason: `owned by the group ${unnamedGroup.dn}`,
    });
  });

  it('is missing when no owner is given', () => {
    expect(resolveOwner(serviceAccount(), undefined, directory())).toEqual({
      owner: null,
      ownerDn: null,
      source: null,
      status: 'missing',
      reason: 'no owner is recorded',
    });
  });

  it('is missing when the owner given is not in the snapshot', () => {
    const gone = 'CN=Gone,OU=Staff,DC=corp,DC=example';
    expect(resolveOwner(serviceAccount({ managerDn: gone }), undefined, directory())).toEqual({
      owner: gone,
      ownerDn: null,
      source: 'manager',
      status: 'missing',
      reason: `the owner ${gone} is not in the snapshot (deleted, or outside the scanned domain)`,
    });
    expect(resolveOwner(serviceAccount({ managedBy: gone }), undefined, directory())).toMatchObject({
      source: 'managedBy',
      status: 'missing',
    });
  });

  it('does not fall back to the manager when Warden’s record names no one in the snapshot', () => {
    const verdict = resolveOwner(serviceAccount({ managerDn: jowner.dn }), 'ghost', directory());
    expect(verdict).toMatchObject({ owner: 'ghost', source: 'warden', status: 'missing' });
  });

  it('is a leaver when the owner’s account is disabled', () => {
    const left = account({ samAccountName: 'jleft', userAccountControl: DISABLED });
    expect(resolveOwner(serviceAccount({ managerDn: left.dn }), undefined, directory(left))).toEqual({
      owner: 'jleft',
      ownerDn: left.dn,
      source: 'manager',
      status: 'leaver',
      reason: "the owner's account jleft is disabled",
    });
  });

  it.each(['leaver', 'matched-disabled'] as const)('is a leaver when the owner’s HR outcome is %s', (outcome) => {
    const left = account({ samAccountName: `jleft-${outcome}`, hrOutcome: outcome });
    expect(resolveOwner(serviceAccount(), left.samAccountName, directory(left))).toMatchObject({
      status: 'leaver',
      reason: `HR says ${left.samAccountName}'s person has left`,
    });
  });

  it.each(['matched', 'probable', 'none'] as const)('stays active when the owner’s HR outcome is %s', (outcome) => {
    const current = account({ samAccountName: `jcur-${outcome}`, hrOutcome: outcome });
    expect(resolveOwner(serviceAccount(), current.samAccountName, directory(current)).status).toBe('active');
  });
});
