import { describe, expect, it } from 'vitest';
import { bufferAttributesFor } from '../../../src/directory/binary-attributes';

describe('bufferAttributesFor', () => {
  it('lists the binary attributes among those requested', () => {
    expect(bufferAttributesFor(['sAMAccountName', 'objectSid', 'objectGUID'])).toEqual(['objectSid', 'objectGUID']);
    expect(bufferAttributesFor(['tokenGroups', 'msDS-GroupMSAMembership'])).toEqual([
      'tokenGroups',
      'msDS-GroupMSAMembership',
    ]);
  });

  it('adds the canonical spelling to the requested one', () => {
    expect(bufferAttributesFor(['objectsid'])).toEqual(['objectSid', 'objectsid']);
  });

  it('covers every binary attribute when all attributes are requested', () => {
    expect(bufferAttributesFor(['*'])).toEqual(
      expect.arrayContaining(['objectSid', 'objectGUID', 'nTSecurityDescriptor']),
    );
    expect(bufferAttributesFor([])).toContain('objectSid');
  });

  it('keeps extra attributes and leaves text attributes alone', () => {
    expect(bufferAttributesFor(['cn', 'thumbnailPhoto'], ['thumbnailPhoto'])).toEqual(['thumbnailPhoto']);
    expect(bufferAttributesFor(['cn', 'member;range=0-1499'])).toEqual([]);
  });
});
