import { describe, expect, it } from 'vitest';
import { checkBulkConfirmation, isKillSwitchError } from '../../../src/governance';
import { randomPassword } from '../../../src/governance/kill-switch/random-password';
import { requireReason } from '../../../src/governance/kill-switch/reason';
import { runSteps } from '../../../src/governance/kill-switch/run-steps';
import { PartialStepError } from '../../../src/governance/kill-switch/step-failure';
import { DirectoryWriteError, movedDn, splitDn, unicodePwdValue } from '../../../src/directory';

describe('bulk confirmation and reason', () => {
  it('needs no count for one account, and the exact count for more', () => {
    expect(() => checkBulkConfirmation(1, undefined)).not.toThrow();
    expect(() => checkBulkConfirmation(200, 200)).not.toThrow();
    const missing = (() => {
      try {
        checkBulkConfirmation(200, undefined);
      } catch (error) {
        return error;
      }
    })();
    expect(isKillSwitchError(missing, 'CONFIRM_COUNT_REQUIRED')).toBe(true);
    expect(() => checkBulkConfirmation(200, 199)).toThrow(/selects 200 accounts, but 199 was confirmed/);
  });

  it('refuses a blank reason', () => {
    expect(() => requireReason('   ')).toThrow(/reason/);
    expect(() => requireReason(undefined)).toThrow(/reason/);
    expect(requireReason('  INC-42 ')).toBe('INC-42');
  });
});

describe('random passwords', () => {
  it('are long, use every character class and never repeat', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const password = randomPassword();
      expect(password).toHaveLength(40);
      for (const pattern of [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/]) expect(password).toMatch(pattern);
      seen.add(password);
    }
    expect(seen.size).toBe(50);
  });

  it('travel as unicodePwd: the password in double quotes, UTF-16LE', () => {
    expect(unicodePwdValue('Ab1!')).toEqual(Buffer.from([0x22, 0, 0x41, 0, 0x62, 0, 0x31, 0, 0x21, 0, 0x22, 0]));
  });
});

describe('moving keeps the name', () => {
  it('splits a DN at the first unescaped comma', () => {
    expect(splitDn('CN=Smith\\, John,OU=Staff,DC=corp')).toEqual({
      rdn: 'CN=Smith\\, John',
      parent: 'OU=Staff,DC=corp',
    });
    expect(movedDn('CN=Smith\\, John,OU=Staff,DC=corp', 'OU=Quarantine,DC=corp')).toBe(
      'CN=Smith\\, John,OU=Quarantine,DC=corp',
    );
  });
});

describe('running steps', () => {
  const step = (name: 'disable' | 'remove-groups' | 'quarantine' | 'stamp', noOp = false) => ({
    step: name,
    noOp,
    summary: `${name} summary`,
  });

  it('reports no-ops without running them and stops at the first step that fails', async () => {
    const ran: string[] = [];
    const denied = new DirectoryWriteError('INSUFFICIENT_ACCESS', 'dc1 did not let hd change member of G', {
      resultCode: 50,
    });
    const run = await runSteps(
      [step('disable', true), step('remove-groups'), step('quarantine'), step('stamp')],
      async (s) => {
        ran.push(s.step);
        if (s.step === 'quarantine') throw new PartialStepError('removed from A', denied);
        return `${s.step} done`;
      },
    );
    expect(ran).toEqual(['remove-groups', 'quarantine']);
    expect(run.outcomes).toEqual([
      { step: 'disable', status: 'no-op', detail: 'disable summary' },
      { step: 'remove-groups', status: 'applied', detail: 'remove-groups done' },
      {
        step: 'quarantine',
        status: 'denied',
        detail: 'removed from A; then: Denied: dc1 did not let hd change member of G',
        error: { code: 'INSUFFICIENT_ACCESS', message: 'dc1 did not let hd change member of G' },
      },
      { step: 'stamp', status: 'not-attempted', detail: 'not attempted: the quarantine step did not go through' },
    ]);
    expect(run.failure?.status).toBe('denied');
  });

  it('tells a refusal by the DC (LDAP 53) as denied and anything else as failed', async () => {
    const unwilling = new DirectoryWriteError('UNWILLING_TO_PERFORM', 'unwilling', { resultCode: 53 });
    const other = new DirectoryWriteError('ENTRY_EXISTS', 'exists', { resultCode: 68 });
    const statusOf = async (error: Error) =>
      (
        await runSteps([step('disable')], async () => {
          throw error;
        })
      ).failure?.status;
    expect(await statusOf(unwilling)).toBe('denied');
    expect(await statusOf(other)).toBe('failed');
    expect(await statusOf(new Error('socket hang up'))).toBe('failed');
  });
});
