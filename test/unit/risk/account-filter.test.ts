import { describe, expect, it } from 'vitest';
import { parseAccountFilter } from '../../../src/risk/account-filter';
import type { AccountAssessment } from '../../../src/risk/assess-accounts';
import { RiskError } from '../../../src/risk/risk-errors';
import { assessment } from './fixtures';

const svc = assessment({
  samAccountName: 'svc-sql',
  displayName: 'SQL Server engine',
  dn: 'CN=svc-sql,OU=Service Accounts,DC=corp,DC=example',
  ou: 'OU=Service Accounts,DC=corp,DC=example',
  isNhi: true,
  type: 'service',
  owner: 'Jane Doe',
  ownerStatus: 'active',
  usage: 'dormant',
  hr: 'none',
  risk: 'high',
  score: 12,
  groupCount: 25,
  reasons: [
    {
      id: 'kerberoastable',
      title: 'Kerberoastable with RC4 and an old password',
      factor: 'impact',
      effect: 'points',
      weight: 2,
      evidence: { summary: 'SPN MSSQLSvc/db1' },
    },
  ],
  privilegedPaths: [
    {
      groupGuid: 'g-da',
      group: 'CN=Domain Admins,CN=Users,DC=corp,DC=example',
      tier: 'critical',
      path: ['CN=SQL-Admins,OU=Groups,DC=corp,DC=example', 'CN=Domain Admins,CN=Users,DC=corp,DC=example'],
      viaPrimaryGroup: false,
    },
  ],
  tags: ['pii', 'finance'],
});

const bot = assessment({
  samAccountName: 'rpa-invoices',
  displayName: 'Copilot invoice runner',
  ou: 'OU=Bots,DC=corp,DC=example',
  enabled: false,
  isNhi: true,
  type: 'bot',
  owner: null,
  ownerStatus: 'missing',
  orphaned: true,
  usage: 'disabled',
  hr: 'none',
  risk: 'medium',
  score: 8,
  groupCount: 3,
});

const person = assessment({
  samAccountName: 'jdoe',
  displayName: 'Jane Doe',
  owner: null,
  hr: 'leaver',
  risk: 'low',
  score: 3,
  groupCount: 20,
});

const ALL: readonly AccountAssessment[] = [svc, bot, person];

function select(filter: string): string[] {
  const predicate = parseAccountFilter(filter);
  return ALL.filter(predicate).map((account) => account.samAccountName);
}

function refusal(filter: string): RiskError {
  try {
    parseAccountFilter(filter);
  } catch (error) {
    if (error instanceof RiskError) return error;
    throw error;
  }
  throw new Error(`the filter ${filter} was accepted`);
}

describe('parseAccountFilter', () => {
  describe('operators', () => {
    it('= matches a whole value, without case', () => {
      expect(select('type=service')).toEqual(['svc-sql']);
      expect(select('type=SERVICE')).toEqual(['svc-sql']);
      expect(select('samaccountname=JDOE')).toEqual(['jdoe']);
    });

    it('!= keeps the others', () => {
      expect(select('type!=service')).toEqual(['rpa-invoices', 'jdoe']);
    });

    it('~ looks for the text inside the value', () => {
      expect(select('ou~service accounts')).toEqual(['svc-sql']);
      expect(select('type~ser')).toEqual(['svc-sql']);
    });

    it('!~ keeps the values without the text, and those with no value at all', () => {
      expect(select('owner!~jane')).toEqual(['rpa-invoices', 'jdoe']);
      expect(select('displayname!~copilot')).toEqual(['svc-sql', 'jdoe']);
    });

    it('compares numbers with > >= < <= = !=', () => {
      expect(select('score>8')).toEqual(['svc-sql']);
      expect(select('score>=8')).toEqual(['svc-sql', 'rpa-invoices']);
      expect(select('score<8')).toEqual(['jdoe']);
      expect(select('score<=8')).toEqual(['rpa-invoices', 'jdoe']);
      expect(select('score=12')).toEqual(['svc-sql']);
      expect(select('score!=12')).toEqual(['rpa-invoices', 'jdoe']);
      expect(select('groups>=20')).toEqual(['svc-sql', 'jdoe']);
    });

    it('allows spaces around the operator', () => {
      expect(select('score >= 8')).toEqual(['svc-sql', 'rpa-invoices']);
      expect(select('  type = bot  ')).toEqual(['rpa-invoices']);
    });

    it('reads field names without case', () => {
      expect(select('Type=bot')).toEqual(['rpa-invoices']);
      expect(select('SCORE>10')).toEqual(['svc-sql']);
    });
  });

  describe('values', () => {
    it('lists alternatives with |', () => {
      expect(select('type=service|bot')).toEqual(['svc-sql', 'rpa-invoices']);
      expect(select('type = service | human')).toEqual(['svc-sql', 'jdoe']);
      expect(select('type!=service|bot')).toEqual(['jdoe']);
      expect(select('score=3|8')).toEqual(['rpa-invoices', 'jdoe']);
    });

    it('takes quoted values with spaces', () => {
      expect(select('owner~"Jane Doe"')).toEqual(['svc-sql']);
      expect(select('owner="jane doe"')).toEqual(['svc-sql']);
      expect(select('group~"Domain Admins"')).toEqual(['svc-sql']);
    });

    it('keeps | and "and" inside quotes', () => {
      expect(select('displayname~"SQL Server engine"|"invoice runner"')).toEqual(['svc-sql', 'rpa-invoices']);
      expect(select('owner="Jane | Doe"')).toEqual([]);
      expect(select('displayname~"server and"')).toEqual([]);
    });

    it('reads booleans', () => {
      expect(select('enabled=false')).toEqual(['rpa-invoices']);
      expect(select('enabled=true')).toEqual(['svc-sql', 'jdoe']);
      expect(select('isnhi=true')).toEqual(['svc-sql', 'rpa-invoices']);
      expect(select('orphaned=true')).toEqual(['rpa-invoices']);
      expect(select('privileged=true')).toEqual(['svc-sql']);
      expect(select('privileged!=true')).toEqual(['rpa-invoices', 'jdoe']);
    });

    it('matches any item of a list field', () => {
      expect(select('tag=finance')).toEqual(['svc-sql']);
      expect(select('tag!=finance')).toEqual(['rpa-invoices', 'jdoe']);
      expect(select('reason=kerberoastable')).toEqual(['svc-sql']);
      expect(select('name~copilot')).toEqual(['rpa-invoices']);
      expect(select('name=jdoe')).toEqual(['jdoe']);
    });

    it('reads each enumerated field', () => {
      expect(select('risk=high|medium')).toEqual(['svc-sql', 'rpa-invoices']);
      expect(select('usage=dormant')).toEqual(['svc-sql']);
      expect(select('hr=leaver')).toEqual(['jdoe']);
      expect(select('ownerstatus=missing')).toEqual(['rpa-invoices', 'jdoe']);
      expect(select('dn~"OU=Service Accounts"')).toEqual(['svc-sql']);
    });
  });

  describe('clauses', () => {
    it('joins clauses with and, AND or &&: all must hold', () => {
      expect(select('isnhi=true and enabled=true')).toEqual(['svc-sql']);
      expect(select('isnhi=true AND score<10')).toEqual(['rpa-invoices']);
      expect(select('isnhi=true && type=bot && enabled=false')).toEqual(['rpa-invoices']);
      expect(select('type=service and score<5')).toEqual([]);
    });

    it('runs once parsed over any accounts', () => {
      const predicate = parseAccountFilter('risk=high');
      expect(predicate(svc)).toBe(true);
      expect(predicate(person)).toBe(false);
      expect(predicate({ ...person, risk: 'high' })).toBe(true);
    });
  });

  describe('errors', () => {
    it('names an unknown field and lists the known ones', () => {
      const error = refusal('colour=red');
      expect(error.code).toBe('INVALID_FILTER');
      expect(error.message).toMatch(
        /^In the filter "colour=red", "colour=red": there is no field "colour" \(fields: samaccountname, name,/,
      );
      expect(error.details).toEqual({ filter: 'colour=red', clause: 'colour=red' });
    });

    it('names the clause at fault among several', () => {
      const error = refusal('type=service and colour=red');
      expect(error.message).toMatch(/^In the filter "type=service and colour=red", "colour=red": there is no field/);
      expect(error.details).toEqual({ filter: 'type=service and colour=red', clause: 'colour=red' });
    });

    it('refuses a value an enumerated field does not have', () => {
      expect(refusal('type=robot').message).toBe(
        'In the filter "type=robot", "type=robot": "robot" is not a value of type (human, human-secondary, service, gmsa, smsa, dmsa, bot, ai-agent, shared, test, unknown-nhi)',
      );
      expect(refusal('risk=high|severe').message).toContain('"severe" is not a value of risk (high, medium, low)');
    });

    it('refuses a number field given text', () => {
      expect(refusal('score=abc').message).toBe('In the filter "score=abc", "score=abc": score is a number');
      expect(refusal('groups>many').code).toBe('INVALID_FILTER');
    });

    it('refuses an ordering of text', () => {
      expect(refusal('type>3').message).toBe('In the filter "type>3", "type>3": > compares numbers only');
      expect(refusal('owner<=x').message).toContain('<= compares numbers only');
    });

    it('refuses a boolean that is not true or false', () => {
      expect(refusal('enabled=yes').message).toBe(
        'In the filter "enabled=yes", "enabled=yes": enabled is true or false',
      );
      expect(refusal('isnhi=TRUE').message).toContain('isnhi is true or false');
    });

    it('refuses a missing value', () => {
      expect(refusal('type=').message).toBe('In the filter "type=", "type=": a value is missing');
      expect(refusal('type=service|').message).toContain('a value is missing');
      expect(refusal('owner=""').message).toContain('a value is missing');
    });

    it('refuses a clause without an operator', () => {
      expect(refusal('service').message).toBe(
        'In the filter "service", "service": expected field OP value, with OP one of != !~ >= <= = ~ > <',
      );
      expect(refusal('=service').code).toBe('INVALID_FILTER');
    });

    it('refuses an empty filter', () => {
      expect(refusal('').message).toBe('In the filter "", "": the filter is empty');
      expect(refusal('   ').code).toBe('INVALID_FILTER');
      expect(refusal(' and ').message).toContain('the filter is empty');
    });
  });
});
