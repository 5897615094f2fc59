import { describe, expect, it } from 'vitest';
import { headlineFigures } from '../../../src/hr/figures';
import { matchAccounts } from '../../../src/hr/match-accounts';
import { account, DISABLED, NOW, person } from './people';

describe('headlineFigures', () => {
  it('compares enabled accounts with active employees and counts NHIs per human', () => {
    const people = [
      person({ employeeId: 'E1' }),
      person({ employeeId: 'E2', status: 'terminated' }),
      person({ employeeId: 'E3', status: 'leave' }),
      person({ employeeId: 'E4', firstName: 'Ann', lastName: 'Lee' }),
    ];
    const accounts = [
      account({ samAccountName: 'a', employeeId: 'E1' }),
      account({ samAccountName: 'b', employeeId: 'E2' }),
      account({ samAccountName: 'c', employeeId: 'E3', userAccountControl: DISABLED }),
      account({ samAccountName: 'd', displayName: 'Ann Lee' }),
      account({ samAccountName: 'svc-1' }),
      account({ samAccountName: 'svc-2' }),
      account({ samAccountName: 'svc-3' }),
      account({ samAccountName: 'svc-old', userAccountControl: DISABLED }),
    ];
    const result = matchAccounts(accounts, people, { now: NOW, fuzzyNameThreshold: 0.92 });
    expect(headlineFigures(result.accounts, result.employees, people, NOW)).toEqual({
      enabledAccounts: 6,
      activeEmployees: 3,
      imbalance: 3,
      humanAccounts: 2,
      nhiAccounts: 3,
      undecidedAccounts: 1,
      nhiPerHuman: 1.5,
      outcomes: { matched: 1, leaver: 1, 'matched-disabled': 1, probable: 1, ambiguous: 0, human: 0, none: 4 },
      employeesWithoutAccount: 0,
    });
  });

  it('has no ratio without a human account', () => {
    const result = matchAccounts([account({ samAccountName: 'svc' })], [], { now: NOW, fuzzyNameThreshold: 0.92 });
    expect(headlineFigures(result.accounts, result.employees, [], NOW).nhiPerHuman).toBeNull();
  });
});
