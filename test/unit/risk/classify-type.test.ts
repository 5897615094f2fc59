import { describe, expect, it } from 'vitest';
import { classifyType, type TypeInput } from '../../../src/risk/classify-type';
import { keywordRegex } from '../../../src/risk/compiled-policy';
import type { AssessmentAccount } from '../../../src/store';
import { account, compiled, serviceAccount, uac } from './fixtures';

const POLICY = compiled();

function classify(subject: AssessmentAccount, options: Partial<Omit<TypeInput, 'account'>> = {}) {
  return classifyType({ account: subject, hrReconciled: true, ...options }, POLICY);
}

/** An account nothing about a person points to, with a name that says nothing either. */
function anonymous(overrides: Partial<AssessmentAccount> = {}): AssessmentAccount {
  const sam = overrides.samAccountName ?? 'x7421';
  return serviceAccount({
    samAccountName: sam,
    dn: `CN=${sam},OU=Misc,DC=corp,DC=example`,
    hrOutcome: 'none',
    ...overrides,
  });
}

describe('a type set by hand', () => {
  it('wins over everything, with who set it and why', () => {
    const verdict = classify(account({ samAccountName: 'jdoe', hrOutcome: 'matched' }), {
      manual: { value: 'bot', actor: 'alice', reason: 'runs the RPA jobs' },
    });
    expect(verdict).toEqual({
      type: 'bot',
      decidedBy: 'hand',
      signals: [{ id: 'set-by-hand', text: 'set by alice: runs the RPA jobs' }],
    });
  });

  it('wins over the object class', () => {
    const gmsa = serviceAccount({ objectClasses: ['top', 'computer', 'msDS-GroupManagedServiceAccount'] });
    expect(classify(gmsa, { manual: { value: 'service', actor: 'alice', reason: 'legacy' } }).type).toBe('service');
  });

  it('is ignored when it is not a type', () => {
    const verdict = classify(account({ hrOutcome: 'matched' }), {
      manual: { value: 'robot', actor: 'alice', reason: 'typo' },
    });
    expect(verdict.type).toBe('human');
    expect(verdict.decidedBy).toBe('hr');
  });
});

describe('managed service accounts', () => {
  it.each([
    ['msDS-GroupManagedServiceAccount', 'gmsa'],
    ['msDS-ManagedServiceAccount', 'smsa'],
    ['msDS-DelegatedManagedServiceAccount', 'dmsa'],
  ] as const)('objectClass %s is %s, whatever its name or HR outcome', (objectClass, type) => {
    const subject = account({
      samAccountName: 'adm-jdoe$',
      objectClasses: ['top', 'person', 'organizationalPerson', 'user', 'computer', objectClass],
      hrOutcome: 'matched',
    });
    expect(classify(subject)).toEqual({
      type,
      decidedBy: 'object-class',
      signals: [{ id: 'object-class', text: `objectClass ${objectClass.toLowerCase()}` }],
    });
  });
});

describe('the HR list', () => {
  it('makes a matched account a person’s', () => {
    expect(classify(account({ samAccountName: 'jdoe', hrOutcome: 'matched' }))).toEqual({
      type: 'human',
      decidedBy: 'hr',
      signals: [{ id: 'hr-match', text: 'HR reconciliation: matched' }],
    });
  });

  it('does so for leavers, disabled matches and accounts marked as a person’s', () => {
    expect(classify(account({ hrOutcome: 'leaver' })).signals).toEqual([
      { id: 'hr-match', text: 'HR reconciliation: leaver' },
    ]);
    expect(classify(account({ hrOutcome: 'matched-disabled' })).type).toBe('human');
    expect(classify(account({ hrOutcome: 'human' })).signals).toEqual([
      { id: 'hr-match', text: 'marked as a person’s account' },
    ]);
  });

  it('makes a person’s account named as an admin account a secondary account', () => {
    expect(classify(account({ samAccountName: 'adm-jdoe', hrOutcome: 'matched' }))).toEqual({
      type: 'human-secondary',
      decidedBy: 'hr',
      signals: [
        { id: 'hr-match', text: 'HR reconciliation: matched' },
        { id: 'name-pattern', text: 'name "adm-jdoe" matches ^(adm|admin|a|da|t0|t1|t2)[-_.]' },
      ],
    });
    expect(classify(account({ samAccountName: 'jdoe-adm', hrOutcome: 'matched' })).type).toBe('human-secondary');
    expect(classify(account({ samAccountName: 't0_jdoe', hrOutcome: 'matched' })).type).toBe('human-secondary');
  });

  it('reads admin accounts by OU and description too', () => {
    const byOu = classify(
      account({ samAccountName: 'jdoe2', dn: 'CN=jdoe2,OU=Admin Accounts,DC=corp,DC=example', hrOutcome: 'matched' }),
    );
    expect(byOu.type).toBe('human-secondary');
    expect(byOu.signals[1]).toEqual({
      id: 'ou-pattern',
      text: 'OU OU=Admin Accounts,DC=corp,DC=example matches ^OU=Admin Accounts,',
    });
    const byDescription = classify(
      account({ samAccountName: 'jdoe3', description: 'Administrative account of Jane Doe', hrOutcome: 'matched' }),
    );
    expect(byDescription.signals[1]).toEqual({
      id: 'description-keyword',
      text: 'description mentions "administrative account"',
    });
  });

  it('keeps a person’s account human whatever other pattern its name matches', () => {
    expect(classify(account({ samAccountName: 'svc-jdoe', hrOutcome: 'matched' })).type).toBe('human');
  });
});

describe('the policy’s patterns', () => {
  it('find an AI agent by its description when its name gives nothing away', () => {
    const verdict = classify(anonymous({ samAccountName: 'triage01', description: 'GPT ticket triage agent' }));
    expect(verdict.type).toBe('ai-agent');
    expect(verdict.decidedBy).toBe('pattern');
    expect(verdict.signals[0]).toEqual({ id: 'description-keyword', text: 'description mentions "GPT"' });
  });

  it('read the info attribute as well as the description', () => {
    expect(classify(anonymous({ info: 'Calls Azure OpenAI for the help desk' })).type).toBe('ai-agent');
  });

  it('match description keywords as whole words only', () => {
    const verdict = classify(anonymous({ description: 'Maintains the mail relay' }));
    expect(verdict.type).toBe('unknown-nhi');
  });

  it('try the types in policy order: svc-copilot-x is an AI agent, not a service', () => {
    const verdict = classify(serviceAccount({ samAccountName: 'svc-copilot-x', hrOutcome: 'none' }));
    expect(verdict.type).toBe('ai-agent');
    expect(verdict.signals[0]).toEqual({ id: 'name-pattern', text: 'name "svc-copilot-x" matches copilot' });
  });

  it('follow the order the policy gives', () => {
    const serviceFirst = compiled((json) => {
      json.classification.patterns.sort((a, b) => (a.type === 'service' ? -1 : b.type === 'service' ? 1 : 0));
    });
    const subject = serviceAccount({ samAccountName: 'svc-copilot-x', hrOutcome: 'none' });
    expect(classifyType({ account: subject, hrReconciled: true }, serviceFirst).type).toBe('service');
  });

  it.each(['bot-invoices', 'rpa-finance', 'invoice-bot', 'robot.scan'])('%s is a bot', (name) => {
    expect(classify(anonymous({ samAccountName: name })).type).toBe('bot');
  });

  it.each(['svc-backup', 'sa-sql', 'app-crm', 'backup-svc', 'srv.print'])('%s is a service', (name) => {
    expect(classify(anonymous({ samAccountName: name })).type).toBe('service');
  });

  it('find test and shared accounts', () => {
    expect(classify(anonymous({ samAccountName: 'testuser1' })).type).toBe('test');
    expect(classify(anonymous({ samAccountName: 'kiosk-lobby' })).type).toBe('shared');
    expect(classify(anonymous({ description: 'Shared mailbox for sales' })).type).toBe('shared');
  });

  it('look at the CN, the display name and the OU as well as the sAMAccountName', () => {
    expect(
      classify(anonymous({ samAccountName: 'w01', dn: 'CN=svc-web,OU=Misc,DC=corp,DC=example' })).signals[0],
    ).toEqual({ id: 'name-pattern', text: 'name "svc-web" matches ^svc[-_.]' });
    expect(classify(anonymous({ displayName: 'Copilot connector' })).type).toBe('ai-agent');
    const byOu = classify(anonymous({ samAccountName: 'w02', dn: 'CN=w02,OU=Bots,DC=corp,DC=example' }));
    expect(byOu.type).toBe('bot');
    expect(byOu.signals[0]).toEqual({ id: 'ou-pattern', text: 'OU OU=Bots,DC=corp,DC=example matches ^OU=Bots,' });
  });

  it('list every hit, then the non-human signals', () => {
    const verdict = classify(
      serviceAccount({
        samAccountName: 'svc-sql',
        description: 'Service account for SQL',
        spns: ['MSSQLSvc/db1'],
        userAccountControl: uac('DONT_EXPIRE_PASSWORD'),
        hrOutcome: 'none',
      }),
    );
    expect(verdict).toEqual({
      type: 'service',
      decidedBy: 'pattern',
      signals: [
        { id: 'name-pattern', text: 'name "svc-sql" matches ^svc[-_.]' },
        { id: 'description-keyword', text: 'description mentions "service account"' },
        { id: 'ou-pattern', text: 'OU OU=Service Accounts,DC=corp,DC=example matches ^OU=Service Accounts,' },
        { id: 'spn', text: 'has 1 service principal name(s), e.g. MSSQLSvc/db1' },
        { id: 'no-mail', text: 'no mail address' },
        { id: 'password-never-expires', text: 'password never expires (DONT_EXPIRE_PASSWORD)' },
        { id: 'no-person-name', text: 'no given name or surname' },
        { id: 'no-hr-match', text: 'no one on the HR list is behind it' },
      ],
    });
  });

  it('come before a fuzzy HR match', () => {
    expect(classify(anonymous({ samAccountName: 'svc-jdoe', hrOutcome: 'probable' })).type).toBe('service');
  });
});

describe('what is left', () => {
  it('an SPN alone makes a service', () => {
    const verdict = classify(anonymous({ samAccountName: 'web01', spns: ['http/web01.corp.example'] }));
    expect(verdict.type).toBe('service');
    expect(verdict.decidedBy).toBe('spn');
    expect(verdict.signals[0]).toEqual({
      id: 'spn',
      text: 'has 1 service principal name(s), e.g. http/web01.corp.example',
    });
  });

  it('an SPN comes before a fuzzy HR match', () => {
    expect(classify(account({ samAccountName: 'jdoe', spns: ['http/x'], hrOutcome: 'probable' })).type).toBe('service');
  });

  it.each(['probable', 'ambiguous'] as const)('a %s HR match is a person’s account, to be confirmed', (outcome) => {
    expect(classify(account({ samAccountName: 'jdoe', hrOutcome: outcome }))).toEqual({
      type: 'human',
      decidedBy: 'hr',
      signals: [{ id: 'hr-match', text: `HR reconciliation: ${outcome} (to be confirmed)` }],
    });
  });

  it('with an HR list and no match, a person’s name makes a human account', () => {
    const verdict = classify(account({ samAccountName: 'jdoe', hrOutcome: 'none' }));
    expect(verdict.type).toBe('human');
    expect(verdict.decidedBy).toBe('weak-signals');
    expect(verdict.signals).toEqual([
      {
        id: 'person-like',
        text: 'has a person’s given name and surname, though no one on the HR list matches (an external? a missing HR row?)',
      },
      { id: 'no-hr-match', text: 'no one on the HR list is behind it' },
    ]);
    expect(classify(account({ samAccountName: 'jdoe', mail: null, hrOutcome: 'none' })).type).toBe('human');
  });

  it('with an HR list and no match, no person’s name makes an unknown non-human identity', () => {
    const verdict = classify(account({ samAccountName: 'x99', givenName: null, sn: 'Doe', hrOutcome: 'none' }));
    expect(verdict).toEqual({
      type: 'unknown-nhi',
      decidedBy: 'weak-signals',
      signals: [{ id: 'no-hr-match', text: 'no one on the HR list is behind it' }],
    });
    expect(classify(account({ givenName: null, sn: null, hrOutcome: 'none' })).type).toBe('unknown-nhi');
  });

  it('with an HR list, a person’s name with a never-expiring password is not enough', () => {
    const subject = account({ userAccountControl: uac('DONT_EXPIRE_PASSWORD'), hrOutcome: 'none' });
    expect(classify(subject).type).toBe('unknown-nhi');
  });

  describe('without an HR list', () => {
    it('a person-like account is human, with no HR list to confirm', () => {
      const verdict = classify(account({ samAccountName: 'jdoe' }), { hrReconciled: false });
      expect(verdict).toEqual({
        type: 'human',
        decidedBy: 'weak-signals',
        signals: [{ id: 'person-like', text: 'looks like a person’s account (no HR list to confirm)' }],
      });
    });

    it('one weak signal is not enough', () => {
      const verdict = classify(account({ mail: null }), { hrReconciled: false });
      expect(verdict.type).toBe('human');
      expect(verdict.signals.map((signal) => signal.id)).toEqual(['person-like', 'no-mail']);
      expect(classify(account({ givenName: null, sn: null }), { hrReconciled: false }).type).toBe('human');
    });

    it('two weak signals make an unknown non-human identity', () => {
      const verdict = classify(account({ samAccountName: 'x1', mail: null, givenName: null, sn: null }), {
        hrReconciled: false,
      });
      expect(verdict).toEqual({
        type: 'unknown-nhi',
        decidedBy: 'weak-signals',
        signals: [
          { id: 'no-mail', text: 'no mail address' },
          { id: 'no-person-name', text: 'no given name or surname' },
        ],
      });
      expect(
        classify(account({ mail: null, userAccountControl: uac('DONT_EXPIRE_PASSWORD') }), { hrReconciled: false })
          .type,
      ).toBe('unknown-nhi');
    });

    it('an outcome of none says nothing without a reconciliation', () => {
      const verdict = classify(account({ mail: null, hrOutcome: 'none' }), { hrReconciled: false });
      expect(verdict.type).toBe('human');
      expect(verdict.signals.map((signal) => signal.id)).not.toContain('no-hr-match');
    });
  });
});

describe('keywordRegex', () => {
  it('matches a keyword as a whole word, without case', () => {
    expect(keywordRegex('GPT').test('gpt ticket triage')).toBe(true);
    expect(keywordRegex('GPT').test('(GPT)')).toBe(true);
    expect(keywordRegex('GPT').test('GPTs and more')).toBe(false);
    expect(keywordRegex('AI').test('Maintains the mail relay')).toBe(false);
    expect(keywordRegex('GPT-4').test('uses GPT-4 for triage')).toBe(true);
  });

  it('matches a phrase whatever the spacing, underscores or hyphens between its words', () => {
    const phrase = keywordRegex('large language model');
    expect(phrase.test('a Large  Language\nModel')).toBe(true);
    expect(phrase.test('large_language-model')).toBe(true);
    expect(phrase.test('large languagemodel')).toBe(false);
  });

  it('takes regular-expression characters literally', () => {
    expect(keywordRegex('c++ (legacy)').test('the C++ (legacy) agent')).toBe(true);
    expect(keywordRegex('a.b').test('axb')).toBe(false);
  });
});
