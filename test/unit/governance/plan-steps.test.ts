import { describe, expect, it } from 'vitest';
import { noStepAsked, planContainmentSteps, type ContainmentSteps } from '../../../src/governance';
import { STAMP_MAX_LENGTH } from '../../../src/governance/kill-switch/stamp';
import { accountState, DOMAIN_USERS, GROUP_A, GROUP_B, OU, QUARANTINE } from './fixtures';

const all: ContainmentSteps = {
  disable: true,
  resetPassword: true,
  removeGroups: true,
  quarantineOu: QUARANTINE,
  stamp: true,
};
const stamp = { actor: 'alice as hd-tier1@corp.example.test', at: '2025-03-01T09:00:00.000Z', reason: 'INC-42 leak' };

describe('planning a containment', () => {
  it('plans every step in order against the current state', () => {
    const steps = planContainmentSteps(accountState({ userAccountControl: 66048 }), all, stamp);
    expect(steps.map((step) => [step.step, step.noOp])).toEqual([
      ['disable', false],
      ['reset-password', false],
      ['remove-groups', false],
      ['quarantine', false],
      ['stamp', false],
    ]);
    // Only the disable bit is added: DONT_EXPIRE_PASSWORD stays.
    expect(steps[0]).toMatchObject({ userAccountControl: 66050 });
    expect(steps[2]).toMatchObject({ groups: [GROUP_A, GROUP_B] });
    expect(steps[2]?.summary).toContain(`The primary group ${DOMAIN_USERS} stays`);
    expect(steps[4]).toMatchObject({
      description: 'Contained by alice as hd-tier1@corp.example.test on 2025-03-01T09:00:00.000Z: INC-42 leak',
    });
  });

  it('makes each step a no-op when its effect is already there', () => {
    const contained = accountState({
      userAccountControl: 514,
      enabled: false,
      groups: [],
      ou: QUARANTINE.toUpperCase(),
    });
    const steps = planContainmentSteps(contained, { ...all, resetPassword: false, stamp: false }, stamp);
    expect(steps.map((step) => [step.step, step.noOp])).toEqual([
      ['disable', true],
      ['remove-groups', true],
      ['quarantine', true],
    ]);
    expect(steps[0]?.summary).toBe('already disabled (userAccountControl 514)');
  });

  it('plans only the steps asked for', () => {
    const steps = planContainmentSteps(
      accountState(),
      { disable: false, resetPassword: false, removeGroups: false, quarantineOu: null, stamp: true },
      stamp,
    );
    expect(steps.map((step) => step.step)).toEqual(['stamp']);
    expect(
      noStepAsked({ disable: false, resetPassword: false, removeGroups: false, quarantineOu: null, stamp: false }),
    ).toBe(true);
    expect(noStepAsked({ ...all, disable: false })).toBe(false);
  });

  it('keeps earlier notes under the stamp and both within the 1,024 characters AD allows', () => {
    const long = { ...stamp, reason: 'x'.repeat(2000) };
    const [step] = planContainmentSteps(
      accountState({ info: 'owner: jane' }),
      { ...all, disable: false, resetPassword: false, removeGroups: false, quarantineOu: null },
      long,
    );
    expect(step?.step).toBe('stamp');
    if (step?.step !== 'stamp') return;
    expect(step.description).toHaveLength(STAMP_MAX_LENGTH);
    expect(step.info).toHaveLength(STAMP_MAX_LENGTH);
    const short = planContainmentSteps(
      accountState({ info: 'owner: jane' }),
      { ...all, disable: false, resetPassword: false, removeGroups: false, quarantineOu: null },
      stamp,
    )[0];
    expect(short?.step === 'stamp' && short.info.endsWith('\r\nowner: jane')).toBe(true);
  });

  it('says when an account is in no group, and moves nothing already in the quarantine OU', () => {
    const steps = planContainmentSteps(accountState({ groups: [], ou: OU }), { ...all, quarantineOu: OU }, stamp);
    expect(steps.find((step) => step.step === 'remove-groups')).toMatchObject({ noOp: true });
    expect(steps.find((step) => step.step === 'quarantine')).toMatchObject({ noOp: true, summary: `already in ${OU}` });
  });
});
