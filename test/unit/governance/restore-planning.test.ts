import { describe, expect, it } from 'vitest';
import {
  containmentHistory,
  planRestore,
  stateDifferences,
  type AccountState,
  type KillSwitchEntry,
  type StepOutcome,
} from '../../../src/governance';
import { changedSinceContainment, restoredOverNote } from '../../../src/governance/kill-switch/changed-since';
import { restoreTargets } from '../../../src/governance/kill-switch/restore-targets';
import { accountState, GROUP_A, GROUP_B, OU, QUARANTINE } from './fixtures';

const original = accountState();
const contained = accountState({
  userAccountControl: 514,
  enabled: false,
  groups: [],
  dn: `CN=svc-batch,${QUARANTINE}`,
  ou: QUARANTINE,
  description: 'Contained by alice on 2025-03-01: leak',
});

let seq = 0;
function entry(
  action: 'contain' | 'restore',
  before: AccountState | null,
  after: AccountState | null,
  steps: StepOutcome[],
  result = 'done',
): KillSwitchEntry {
  seq += 1;
  return {
    seq,
    at: `2025-03-01T09:00:${String(seq).padStart(2, '0')}Z`,
    actor: 'alice',
    action: action === 'contain' ? 'kill-switch.contain' : 'kill-switch.restore',
    reason: `reason ${seq}`,
    result,
    before,
    after: {
      objectGuid: (before ?? after)?.objectGuid ?? original.objectGuid,
      state: after,
      steps,
      notes: [],
      refusal: null,
      message: '',
      boundAs: 'hd',
      dc: 'dc1:636',
    },
  };
}
const applied = (step: StepOutcome['step']): StepOutcome => ({ step, status: 'applied', detail: '' });
const noOp = (step: StepOutcome['step']): StepOutcome => ({ step, status: 'no-op', detail: '' });

describe('containment history', () => {
  it('restores to the state before the first of several containments, and compares with the last', () => {
    const disabledOnly = { ...original, userAccountControl: 514, enabled: false };
    const entries = [
      entry('contain', original, disabledOnly, [applied('disable')]),
      entry('contain', disabledOnly, disabledOnly, [noOp('disable')]),
      entry('contain', disabledOnly, contained, [noOp('disable'), applied('reset-password'), applied('quarantine')]),
    ];
    const open = containmentHistory(entries).open.get(original.objectGuid);
    expect(open).toMatchObject({ original, expected: contained, passwordReset: true, firstReason: 'reason 1' });
    expect(open?.containments).toEqual([entries[0]?.seq, entries[2]?.seq]);
  });

  it('closes the containment with a successful undo, and opens a new one after it', () => {
    const history = containmentHistory([
      entry('contain', original, contained, [applied('disable')]),
      entry('restore', contained, original, [applied('enable')]),
    ]);
    expect(history.open.size).toBe(0);
    expect(history.restoredBy.get(original.objectGuid)).toBe(seq);

    const again = containmentHistory([
      entry('contain', original, contained, [applied('disable')]),
      entry('restore', contained, original, [applied('enable')]),
      entry('contain', original, contained, [applied('disable')]),
    ]);
    expect(again.open.get(original.objectGuid)?.containments).toEqual([seq]);
  });

  it('keeps a containment open after an undo that stopped halfway, expecting what that undo left', () => {
    const halfway = { ...contained, dn: original.dn, ou: OU };
    const history = containmentHistory([
      entry('contain', original, contained, [applied('disable'), applied('quarantine')]),
      entry(
        'restore',
        contained,
        halfway,
        [applied('move-back'), { step: 'groups', status: 'denied', detail: '' }],
        'denied',
      ),
    ]);
    expect(history.open.get(original.objectGuid)).toMatchObject({ original, expected: halfway });
  });

  it('ignores containments that changed nothing, and refusals', () => {
    const history = containmentHistory([
      entry('contain', original, original, [], 'refused'),
      entry('contain', contained, contained, [noOp('disable')]),
    ]);
    expect(history.open.size).toBe(0);
    expect(history.known.map((state) => state.objectGuid)).toEqual([original.objectGuid]);
  });

  it('finds contained accounts by objectGUID, name, UPN, either DN or SID', () => {
    const history = containmentHistory([entry('contain', original, contained, [applied('disable')])]);
    const refs = [
      `{${original.objectGuid.toUpperCase()}}`,
      'SVC-BATCH',
      'svc-batch@corp.example.test',
      original.dn,
      contained.dn,
      original.sid ?? '',
      'svc-other',
    ];
    expect(restoreTargets(history, refs)).toEqual({ objectGuids: [original.objectGuid], missing: ['svc-other'] });
  });
});

describe('differences since the containment', () => {
  it('names each field an undo would overwrite, and nothing else', () => {
    expect(
      stateDifferences(contained, { ...contained, dn: contained.dn.toUpperCase(), userAccountControl: 66050 }),
    ).toEqual([]);
    const now = { ...contained, enabled: true, groups: [GROUP_B], description: null, info: 'note' };
    expect(stateDifferences(contained, now)).toEqual([
      { field: 'enabled', expected: 'disabled', actual: 'enabled' },
      { field: 'groups', expected: '(none)', actual: GROUP_B },
      { field: 'description', expected: contained.description, actual: '(empty)' },
      { field: 'info', expected: '(empty)', actual: 'note' },
    ]);
  });
});

describe('an undo over changes made since the containment', () => {
  it('waits for a confirmation, naming the fields and no front end’s way of confirming', () => {
    expect(changedSinceContainment(contained, { ...contained, userAccountControl: 66050 })).toBeUndefined();
    const refusal = changedSinceContainment(contained, { ...contained, groups: [GROUP_B], description: 'by hand' });
    expect(refusal).toEqual({
      guardrail: 'changed-since-containment',
      message: 'The account changed since its containment (groups, description): restoring would overwrite that.',
      differences: [
        { field: 'groups', expected: '(none)', actual: GROUP_B },
        { field: 'description', expected: contained.description, actual: 'by hand' },
      ],
    });
    expect(refusal === undefined ? '' : restoredOverNote(refusal)).toBe(
      'Restored over changes made since the containment (groups, description).',
    );
  });

  it('cannot rule changes out when the state the containment left was not recorded', () => {
    const refusal = changedSinceContainment(null, contained);
    expect(refusal).toMatchObject({ guardrail: 'changed-since-containment', differences: [] });
    expect(refusal?.message).not.toMatch(/force/);
    expect(refusal === undefined ? '' : restoredOverNote(refusal)).toMatch(/may have been overwritten/);
  });
});

describe('planning an undo', () => {
  it('moves back first, then groups and texts, and enables last, touching only the disable bit', () => {
    const current = { ...contained, userAccountControl: 514 | 0x10000, groups: [GROUP_B.toUpperCase()] };
    const steps = planRestore(current, accountState({ groups: [GROUP_A, GROUP_B] }));
    expect(steps.map((step) => [step.step, step.noOp])).toEqual([
      ['move-back', false],
      ['groups', false],
      ['description', false],
      ['enable', false],
    ]);
    expect(steps[1]).toMatchObject({ add: [GROUP_A], remove: [] });
    expect(steps[3]).toMatchObject({ userAccountControl: 512 | 0x10000 });
  });

  it('is all no-ops on an account already as it was, and removes groups added since when forced', () => {
    expect(planRestore(original, original).every((step) => step.noOp)).toBe(true);
    const steps = planRestore({ ...original, groups: [GROUP_A, GROUP_B, 'CN=New,DC=corp'] }, original);
    expect(steps[1]).toMatchObject({ noOp: false, add: [], remove: ['CN=New,DC=corp'] });
  });

  it('leaves an account disabled that was disabled before its containment', () => {
    const wasDisabled = accountState({ userAccountControl: 514, enabled: false });
    expect(planRestore(contained, wasDisabled)[3]).toMatchObject({ noOp: true, summary: 'already disabled' });
  });
});
