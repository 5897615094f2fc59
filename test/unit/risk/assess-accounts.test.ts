import { describe, expect, it } from 'vitest';
import { assessAccounts, type AccountAssessment, type AssessmentData } from '../../../src/risk/assess-accounts';
import type { AccountMetadata } from '../../../src/store';
import { account, AS_OF, compiled, daysAgo, DISABLED, DOMAIN_SID, group, serviceAccount } from './fixtures';

const jdoe = account({ samAccountName: 'jdoe', hrOutcome: 'matched' });
const admJdoe = account({ samAccountName: 'adm-jdoe', hrOutcome: 'matched' });
const svc = serviceAccount({ samAccountName: 'svc-sql', spns: ['MSSQLSvc/db1.corp.example:1433'] });
const runner = serviceAccount({
  samAccountName: 'x7421',
  dn: 'CN=x7421,OU=Misc,DC=corp,DC=example',
  lastLogonTimestamp: daysAgo(200),
});
const external = account({ samAccountName: 'ext-ann', hrOutcome: 'human', userAccountControl: DISABLED });

const domainAdmins = group({
  name: 'Domain Admins',
  sid: `${DOMAIN_SID}-512`,
  dn: 'CN=Domain Admins,CN=Users,DC=corp,DC=example',
});
const sqlAdmins = group({ name: 'SQL-Admins' });
const payroll = group({ name: 'Payroll' });

function fact<T>(value: T): { value: T; reason: string; actor: string; decidedAt: string } {
  return { value, reason: 'reviewed', actor: 'alice', decidedAt: '2025-06-01T00:00:00.000Z' };
}

const metadata = new Map<string, AccountMetadata>([
  [svc.objectGuid, { objectGuid: svc.objectGuid, owner: fact('JDOE'), tags: fact(['pii', 'project-x']) }],
  [runner.objectGuid, { objectGuid: runner.objectGuid, type: fact('bot') }],
  [admJdoe.objectGuid, { objectGuid: admJdoe.objectGuid, type: fact('not-a-type') }],
]);

const DATA: AssessmentData = {
  asOf: AS_OF,
  hrReconciled: true,
  accounts: [jdoe, admJdoe, svc, runner, external],
  groups: [domainAdmins, sqlAdmins, payroll],
  edges: [
    { groupGuid: sqlAdmins.guid, memberGuid: svc.objectGuid },
    { groupGuid: domainAdmins.guid, memberGuid: sqlAdmins.guid },
    { groupGuid: payroll.guid, memberGuid: jdoe.objectGuid },
  ],
  paths: [{ accountGuid: svc.objectGuid, groupGuid: domainAdmins.guid, path: [sqlAdmins.guid, domainAdmins.guid] }],
  metadata,
};

function bySam(list: readonly AccountAssessment[], sam: string): AccountAssessment {
  const found = list.find((entry) => entry.samAccountName === sam);
  if (found === undefined) throw new Error(`no ${sam}`);
  return found;
}

describe('assessAccounts', () => {
  const result = assessAccounts(DATA, compiled());

  it('assesses every account, in the snapshot’s order', () => {
    expect(result.map((entry) => entry.samAccountName)).toEqual(['jdoe', 'adm-jdoe', 'svc-sql', 'x7421', 'ext-ann']);
  });

  it('puts together type, owner, usage, reach and risk of a privileged service', () => {
    const entry = bySam(result, 'svc-sql');
    expect(entry).toMatchObject({
      objectGuid: svc.objectGuid,
      dn: svc.dn,
      enabled: true,
      isNhi: true,
      type: 'service',
      typeDecidedBy: 'pattern',
      owner: 'jdoe',
      ownerDn: jdoe.dn,
      ownerSource: 'warden',
      ownerStatus: 'active',
      orphaned: false,
      usage: 'active',
      lastLogonDaysAgo: 5,
      usageApproximate: false,
      hr: 'none',
      groupCount: 2,
      tags: ['pii', 'project-x'],
      factors: { criticality: 5, sensitivity: 5, impact: 4 },
      score: 14,
      risk: 'high',
    });
    expect(entry.privilegedPaths).toEqual([
      {
        groupGuid: domainAdmins.guid,
        group: domainAdmins.dn,
        tier: 'critical',
        path: [sqlAdmins.dn, domainAdmins.dn],
        viaPrimaryGroup: false,
      },
    ]);
    expect(entry.reasons.map((reason) => reason.id)).toEqual([
      'privileged-critical',
      'service-principal',
      'sensitive-tag',
      'privileged-path',
    ]);
    expect(entry.reasons[0]?.evidence.summary).toBe(
      'member of 1 critical privileged group(s) through nesting: svc-sql → SQL-Admins → Domain Admins',
    );
  });

  it('takes a type set by hand and finds an unowned, dormant bot orphaned', () => {
    const entry = bySam(result, 'x7421');
    expect(entry).toMatchObject({
      type: 'bot',
      typeDecidedBy: 'hand',
      typeSignals: [{ id: 'set-by-hand', text: 'set by alice: reviewed' }],
      owner: null,
      ownerStatus: 'missing',
      orphaned: true,
      usage: 'dormant',
      lastLogonDaysAgo: 200,
      factors: { criticality: 1, sensitivity: 1, impact: 5 },
      score: 7,
      risk: 'medium',
    });
    expect(entry.reasons.map((reason) => reason.id)).toEqual(['no-owner', 'dormant-enabled', 'orphaned']);
  });

  it('ignores a hand-set value that is not a type', () => {
    expect(bySam(result, 'adm-jdoe')).toMatchObject({ type: 'human-secondary', typeDecidedBy: 'hr', isNhi: false });
  });

  it('scores a person’s account with its sensitive group and reports its HR outcome', () => {
    const entry = bySam(result, 'jdoe');
    expect(entry).toMatchObject({
      type: 'human',
      hr: 'matched',
      groupCount: 1,
      orphaned: false,
      score: 6,
      risk: 'low',
    });
    expect(entry.reasons).toEqual([
      expect.objectContaining({ id: 'sensitive-group', weight: 4, evidence: expect.objectContaining({ level: 4 }) }),
    ]);
  });

  it('reports an account marked as a person’s as no HR outcome, and a disabled one as disabled', () => {
    expect(bySam(result, 'ext-ann')).toMatchObject({
      type: 'human',
      hr: 'none',
      enabled: false,
      usage: 'disabled',
      groupCount: 0,
      privilegedPaths: [],
    });
  });

  it('scores again under another policy without anything else changing', () => {
    const strict = assessAccounts(
      DATA,
      compiled((json) => {
        json.risk.thresholds = { high: 7, medium: 5 };
        json.risk.rules['dormant-enabled'] = { enabled: false, weight: 1 };
      }),
    );
    const entry = bySam(strict, 'x7421');
    expect(entry.reasons.map((reason) => reason.id)).toEqual(['no-owner', 'orphaned']);
    expect(entry.score).toBe(6);
    expect(entry.risk).toBe('medium');
    expect(bySam(strict, 'svc-sql').risk).toBe('high');
    expect(bySam(strict, 'jdoe').risk).toBe('medium');
  });
});
