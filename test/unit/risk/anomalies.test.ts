import { describe, expect, it } from 'vitest';
import { findAnomalies, type SnapshotSide } from '../../../src/risk/anomalies';
import type { AccountAssessment, PrivilegedPathView } from '../../../src/risk/assess-accounts';
import type { AssessmentAccount, AssessmentPath } from '../../../src/store';
import { account, AS_OF, assessment, daysAgo, serviceAccount } from './fixtures';

const DORMANT_DAYS = 90;
const DA = { guid: 'g-da', dn: 'CN=Domain Admins,CN=Users,DC=corp,DC=example' };
const BO = { guid: 'g-bo', dn: 'CN=Backup Operators,CN=Builtin,DC=corp,DC=example' };

function view(group: { guid: string; dn: string }): PrivilegedPathView {
  return { groupGuid: group.guid, group: group.dn, tier: 'critical', path: [group.dn], viaPrimaryGroup: false };
}

function path(subject: AssessmentAccount, group: { guid: string }): AssessmentPath {
  return { accountGuid: subject.objectGuid, groupGuid: group.guid, path: [group.guid] };
}

/** The assessment of an account, as assessAccounts would give it, with these parts. */
function assessed(subject: AssessmentAccount, overrides: Partial<AccountAssessment> = {}): AccountAssessment {
  return assessment({ objectGuid: subject.objectGuid, samAccountName: subject.samAccountName, ...overrides });
}

function side(snapshotId: string, accounts: AssessmentAccount[], paths: AssessmentPath[] = []): SnapshotSide {
  return { snapshotId, accounts, paths };
}

describe('findAnomalies', () => {
  it('finds nothing in a quiet snapshot', () => {
    const subject = account();
    const current = side('s2', [subject]);
    expect(findAnomalies(current, [assessed(subject)], side('s1', [subject]), DORMANT_DAYS, AS_OF)).toEqual([]);
    expect(findAnomalies(current, [assessed(subject)], undefined, DORMANT_DAYS, AS_OF)).toEqual([]);
  });

  describe('new-privileged-account', () => {
    it('reports an account new since the previous snapshot and already privileged', () => {
      const subject = serviceAccount({ samAccountName: 'svc-new' });
      const other = account();
      const anomalies = findAnomalies(
        side('s2', [subject, other], [path(subject, DA), path(subject, BO)]),
        [assessed(subject, { privilegedPaths: [view(DA), view(BO)] }), assessed(other)],
        side('s1', [other]),
        DORMANT_DAYS,
        AS_OF,
      );
      expect(anomalies).toEqual([
        {
          kind: 'new-privileged-account',
          objectGuid: subject.objectGuid,
          samAccountName: 'svc-new',
          summary: 'new since the previous snapshot and already in 2 privileged group(s)',
          groups: [DA.dn, BO.dn],
        },
      ]);
    });

    it('says nothing of a new account outside privileged groups', () => {
      const subject = serviceAccount();
      expect(findAnomalies(side('s2', [subject]), [assessed(subject)], side('s1', []), DORMANT_DAYS, AS_OF)).toEqual(
        [],
      );
    });

    it('needs a previous snapshot', () => {
      const subject = serviceAccount();
      const anomalies = findAnomalies(
        side('s1', [subject], [path(subject, DA)]),
        [assessed(subject, { privilegedPaths: [view(DA)] })],
        undefined,
        DORMANT_DAYS,
        AS_OF,
      );
      expect(anomalies).toEqual([]);
    });
  });

  describe('privileged-membership-added', () => {
    it('reports only the privileged groups gained', () => {
      const subject = account({ samAccountName: 'jdoe' });
      const anomalies = findAnomalies(
        side('s2', [subject], [path(subject, BO), path(subject, DA)]),
        [assessed(subject, { privilegedPaths: [view(DA), view(BO)] })],
        side('s1', [subject], [path(subject, BO)]),
        DORMANT_DAYS,
        AS_OF,
      );
      expect(anomalies).toEqual([
        {
          kind: 'privileged-membership-added',
          objectGuid: subject.objectGuid,
          samAccountName: 'jdoe',
          summary: 'gained 1 privileged group membership(s) since the previous snapshot',
          groups: [DA.dn],
        },
      ]);
    });

    it('reports a first privileged membership of an existing account', () => {
      const subject = account();
      const [anomaly] = findAnomalies(
        side('s2', [subject], [path(subject, DA)]),
        [assessed(subject, { privilegedPaths: [view(DA)] })],
        side('s1', [subject]),
        DORMANT_DAYS,
        AS_OF,
      );
      expect(anomaly?.kind).toBe('privileged-membership-added');
      expect(anomaly?.groups).toEqual([DA.dn]);
    });

    it('says nothing when the memberships are unchanged or fewer', () => {
      const subject = account();
      const previous = side('s1', [subject], [path(subject, DA), path(subject, BO)]);
      expect(
        findAnomalies(
          side('s2', [subject], [path(subject, DA)]),
          [assessed(subject, { privilegedPaths: [view(DA)] })],
          previous,
          DORMANT_DAYS,
          AS_OF,
        ),
      ).toEqual([]);
    });
  });

  describe('leaver-enabled', () => {
    it('reports a leaver’s enabled account with or without a previous snapshot', () => {
      const subject = account({ samAccountName: 'jleft' });
      const expected = [
        {
          kind: 'leaver-enabled',
          objectGuid: subject.objectGuid,
          samAccountName: 'jleft',
          summary: 'HR says the person has left; the account is enabled',
        },
      ];
      const current = side('s2', [subject]);
      const list = [assessed(subject, { hr: 'leaver' })];
      expect(findAnomalies(current, list, undefined, DORMANT_DAYS, AS_OF)).toEqual(expected);
      expect(findAnomalies(current, list, side('s1', [subject]), DORMANT_DAYS, AS_OF)).toEqual(expected);
    });

    it('says nothing once the account is disabled, or for other HR outcomes', () => {
      const subject = account();
      const current = side('s2', [subject]);
      expect(
        findAnomalies(current, [assessed(subject, { hr: 'leaver', enabled: false })], undefined, DORMANT_DAYS, AS_OF),
      ).toEqual([]);
      expect(
        findAnomalies(current, [assessed(subject, { hr: 'matched-disabled' })], undefined, DORMANT_DAYS, AS_OF),
      ).toEqual([]);
    });
  });

  describe('dormant-password-change', () => {
    it('without a previous snapshot: a password set after the last logon, within the dormancy period', () => {
      const pwd = daysAgo(10);
      const subject = serviceAccount({ samAccountName: 'svc-old', lastLogonTimestamp: daysAgo(200), pwdLastSet: pwd });
      const anomalies = findAnomalies(
        side('s1', [subject]),
        [assessed(subject, { usage: 'dormant' })],
        undefined,
        DORMANT_DAYS,
        AS_OF,
      );
      expect(anomalies).toEqual([
        {
          kind: 'dormant-password-change',
          objectGuid: subject.objectGuid,
          samAccountName: 'svc-old',
          summary: `password changed ${pwd} while the account is dormant`,
        },
      ]);
    });

    it('without a previous snapshot: covers accounts never used', () => {
      const subject = serviceAccount({ lastLogonTimestamp: null, pwdLastSet: daysAgo(3) });
      const [anomaly] = findAnomalies(
        side('s1', [subject]),
        [assessed(subject, { usage: 'never-used' })],
        undefined,
        DORMANT_DAYS,
        AS_OF,
      );
      expect(anomaly?.kind).toBe('dormant-password-change');
      expect(anomaly?.summary).toMatch(/while the account is never-used$/);
    });

    it('without a previous snapshot: takes the password set when the account was created for no change', () => {
      const created = daysAgo(40);
      const fresh = serviceAccount({ lastLogonTimestamp: null, whenCreated: created, pwdLastSet: created });
      const resetLater = serviceAccount({
        lastLogonTimestamp: null,
        whenCreated: daysAgo(40),
        pwdLastSet: daysAgo(20),
      });
      const unknownAge = serviceAccount({ lastLogonTimestamp: null, whenCreated: null, pwdLastSet: daysAgo(20) });
      const anomalies = findAnomalies(
        side('s1', [fresh, resetLater, unknownAge]),
        [fresh, resetLater, unknownAge].map((subject) => assessed(subject, { usage: 'never-used' })),
        undefined,
        DORMANT_DAYS,
        AS_OF,
      );
      expect(anomalies.map((anomaly) => anomaly.objectGuid)).toEqual([resetLater.objectGuid, unknownAge.objectGuid]);
    });

    it('without a previous snapshot: ignores an old change or one before the last logon', () => {
      const old = serviceAccount({ lastLogonTimestamp: daysAgo(400), pwdLastSet: daysAgo(200) });
      const beforeLogon = serviceAccount({ lastLogonTimestamp: daysAgo(100), pwdLastSet: daysAgo(150) });
      const unset = serviceAccount({ lastLogonTimestamp: daysAgo(100), pwdLastSet: null });
      const anomalies = findAnomalies(
        side('s1', [old, beforeLogon, unset]),
        [old, beforeLogon, unset].map((subject) => assessed(subject, { usage: 'dormant' })),
        undefined,
        DORMANT_DAYS,
        AS_OF,
      );
      expect(anomalies).toEqual([]);
    });

    it('with a previous snapshot: any change of the password since then', () => {
      const before = serviceAccount({ lastLogonTimestamp: daysAgo(400), pwdLastSet: daysAgo(500) });
      const now = { ...before, pwdLastSet: daysAgo(200) };
      const anomalies = findAnomalies(
        side('s2', [now]),
        [assessed(now, { usage: 'dormant' })],
        side('s1', [before]),
        DORMANT_DAYS,
        AS_OF,
      );
      expect(anomalies.map((anomaly) => anomaly.kind)).toEqual(['dormant-password-change']);
    });

    it('with a previous snapshot: nothing when the password is unchanged', () => {
      const subject = serviceAccount({ lastLogonTimestamp: daysAgo(400), pwdLastSet: daysAgo(10) });
      expect(
        findAnomalies(
          side('s2', [subject]),
          [assessed(subject, { usage: 'dormant' })],
          side('s1', [subject]),
          DORMANT_DAYS,
          AS_OF,
        ),
      ).toEqual([]);
    });

    it('ignores active and disabled accounts', () => {
      const subject = serviceAccount({ lastLogonTimestamp: daysAgo(200), pwdLastSet: daysAgo(10) });
      const current = side('s1', [subject]);
      expect(findAnomalies(current, [assessed(subject, { usage: 'active' })], undefined, DORMANT_DAYS, AS_OF)).toEqual(
        [],
      );
      expect(
        findAnomalies(
          current,
          [assessed(subject, { usage: 'disabled', enabled: false })],
          undefined,
          DORMANT_DAYS,
          AS_OF,
        ),
      ).toEqual([]);
    });
  });

  describe('expiry-removed', () => {
    it('reports an expiry date removed since the previous snapshot', () => {
      const expiry = '2025-12-31T00:00:00.000Z';
      const before = account({ samAccountName: 'contractor', accountExpires: expiry });
      const now = { ...before, accountExpires: null };
      expect(findAnomalies(side('s2', [now]), [assessed(now)], side('s1', [before]), DORMANT_DAYS, AS_OF)).toEqual([
        {
          kind: 'expiry-removed',
          objectGuid: before.objectGuid,
          samAccountName: 'contractor',
          summary: `its expiry date (${expiry}) was removed: it no longer expires`,
        },
      ]);
    });

    it('says nothing of a changed or kept expiry date, nor without a previous snapshot', () => {
      const before = account({ accountExpires: '2025-12-31T00:00:00.000Z' });
      const extended = { ...before, accountExpires: '2026-12-31T00:00:00.000Z' };
      expect(
        findAnomalies(side('s2', [extended]), [assessed(extended)], side('s1', [before]), DORMANT_DAYS, AS_OF),
      ).toEqual([]);
      const none = account({ accountExpires: null });
      expect(findAnomalies(side('s2', [none]), [assessed(none)], undefined, DORMANT_DAYS, AS_OF)).toEqual([]);
    });
  });

  it('lists several anomalies of one account in a fixed order', () => {
    const before = account({
      samAccountName: 'jleft',
      accountExpires: '2025-12-31T00:00:00.000Z',
      lastLogonTimestamp: daysAgo(300),
      pwdLastSet: daysAgo(400),
    });
    const now = { ...before, accountExpires: null, pwdLastSet: daysAgo(2) };
    const anomalies = findAnomalies(
      side('s2', [now], [path(now, DA)]),
      [assessed(now, { hr: 'leaver', usage: 'dormant', privilegedPaths: [view(DA)] })],
      side('s1', [before]),
      DORMANT_DAYS,
      AS_OF,
    );
    expect(anomalies.map((anomaly) => anomaly.kind)).toEqual([
      'privileged-membership-added',
      'leaver-enabled',
      'dormant-password-change',
      'expiry-removed',
    ]);
  });

  it('skips an assessment of an account the snapshot does not hold', () => {
    const stray = account();
    expect(findAnomalies(side('s2', []), [assessed(stray, { hr: 'leaver' })], undefined, DORMANT_DAYS, AS_OF)).toEqual(
      [],
    );
  });
});
