import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectionTarget } from '../../../src/api/schemas';
import { RESOURCES_DIR } from '../../../src/cli/resources-dir';
import { DEMO_LDIF_FILE, importLdif } from '../../../src/inventory';
import { resolveAccountReferences } from '../../../src/risk/account-references';
import { exactLastLogon, exactUsage } from '../../../src/risk/exact-last-logon';
import { usageOf } from '../../../src/risk/usage';
import { openStore, type AssessmentAccount, type Store } from '../../../src/store';
import { passphraseKey, tempStorePath, track } from '../store/helpers';
import { AS_OF, account, daysAgo, DISABLED, policy } from './fixtures';

const usage = policy().usage;

describe('naming accounts of the snapshot', () => {
  const jdoe = account({ samAccountName: 'JDoe' });
  const svc = account({ samAccountName: 'svc-backup', dn: 'CN=svc-backup,OU=Service Accounts,DC=corp,DC=example' });

  it('finds them by sAMAccountName, objectGUID (braces allowed) or DN, without case, each once', () => {
    const { found, missing } = resolveAccountReferences(
      [jdoe, svc],
      ['jdoe', `{${svc.objectGuid.toUpperCase()}}`, 'cn=SVC-BACKUP,ou=service accounts,dc=corp,dc=example', 'JDOE'],
    );
    expect(found.map((entry) => [entry.reference, entry.account.objectGuid])).toEqual([
      ['jdoe', jdoe.objectGuid],
      [`{${svc.objectGuid.toUpperCase()}}`, svc.objectGuid],
    ]);
    expect(missing).toEqual([]);
  });

  it('lists every reference the snapshot does not know', () => {
    expect(resolveAccountReferences([jdoe], ['nobody', 'jdoe', 'ghost']).missing).toEqual(['nobody', 'ghost']);
  });
});

describe('the usage verdict with the exact last logon', () => {
  // 95 days by lastLogonTimestamp: over the 90-day line, within the 19-day lag, so approximate.
  const nearTheLine = account({ lastLogonTimestamp: daysAgo(95) });

  it('starts from a snapshot verdict that is dormant, but approximate', () => {
    expect(usageOf(nearTheLine, AS_OF, usage)).toMatchObject({ usage: 'dormant', approximate: true });
  });

  it('turns active when a DC saw a logon the replicated timestamp had not caught up with', () => {
    const result = exactUsage(
      nearTheLine,
      { lastLogon: daysAgo(80), lastLogonTimestamp: daysAgo(95), exact: true },
      AS_OF,
      usage,
    );
    expect(result).toMatchObject({ lastLogonKnown: daysAgo(80), daysAgo: 80 });
    expect(result.verdict).toMatchObject({ usage: 'active', approximate: false, lastLogonDaysAgo: 80 });
    expect(result.verdict.reason).not.toContain('approximate');
  });

  it('confirms dormant, no longer approximate, when every DC agrees', () => {
    const result = exactUsage(
      nearTheLine,
      { lastLogon: daysAgo(96), lastLogonTimestamp: daysAgo(95), exact: true },
      AS_OF,
      usage,
    );
    // lastLogonTimestamp is later than any lastLogon left: the DC that recorded that logon is gone.
    expect(result).toMatchObject({ lastLogonKnown: daysAgo(95), daysAgo: 95 });
    expect(result.verdict).toMatchObject({ usage: 'dormant', approximate: false });
  });

  it('stays approximate near the line when a DC did not answer', () => {
    const result = exactUsage(
      nearTheLine,
      { lastLogon: daysAgo(96), lastLogonTimestamp: daysAgo(95), exact: false },
      AS_OF,
      usage,
    );
    expect(result.verdict).toMatchObject({ usage: 'dormant', approximate: true });
  });

  it('keeps the snapshot’s lastLogonTimestamp when no DC returned the account', () => {
    const result = exactUsage(nearTheLine, { lastLogon: null, lastLogonTimestamp: null, exact: false }, AS_OF, usage);
    expect(result).toMatchObject({ lastLogonKnown: daysAgo(95), daysAgo: 95 });
  });

  it('says never used when no DC recorded a logon of an old account', () => {
    const unused = account({ lastLogonTimestamp: null, whenCreated: daysAgo(200) });
    const result = exactUsage(unused, { lastLogon: null, lastLogonTimestamp: null, exact: true }, AS_OF, usage);
    expect(result).toMatchObject({ lastLogonKnown: null, daysAgo: null });
    expect(result.verdict.usage).toBe('never-used');
  });

  it('leaves a disabled account disabled, with its last logon known', () => {
    const disabled = account({ userAccountControl: DISABLED, lastLogonTimestamp: daysAgo(300) });
    const result = exactUsage(
      disabled,
      { lastLogon: daysAgo(10), lastLogonTimestamp: null, exact: true },
      AS_OF,
      usage,
    );
    expect(result).toMatchObject({ daysAgo: 10, verdict: { usage: 'disabled' } });
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function demoStore(): Promise<Store> {
  const store = track(await openStore({ path: tempStorePath(), key: passphraseKey(), create: true }));
  await importLdif({ path: join(RESOURCES_DIR, DEMO_LDIF_FILE), store, sourceKind: 'demo' });
  return store;
}

function unreachableTarget(port: number): ConnectionTarget {
  return {
    host: '127.0.0.1',
    port,
    transport: 'ldaps',
    allowPlainLdap: false,
    bindName: 'svc-warden@corp.example',
    timeoutMs: 2_000,
  };
}

describe('the exact last logon of accounts of the latest snapshot', () => {
  it('names every unknown account before asking any DC', async () => {
    const store = await demoStore();
    const error = await exactLastLogon({
      store,
      target: unreachableTarget(await closedPort()),
      password: 'secret',
      accounts: ['no-such-account', 'neither-this'],
      resourcesDir: RESOURCES_DIR,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'ACCOUNT_NOT_FOUND',
      details: { accounts: ['no-such-account', 'neither-this'] },
    });
    expect((error as Error).message).toContain('"no-such-account", "neither-this"');
  });

  it('with no DC answering, reports why and keeps the snapshot’s verdict, marked not exact', async () => {
    const store = await demoStore();
    const snapshot = await store.snapshots.latestComplete();
    const accounts = await store.assessment.accounts(snapshot?.id ?? '');
    const used = accounts.find(
      (candidate): candidate is AssessmentAccount & { lastLogonTimestamp: string } =>
        candidate.lastLogonTimestamp !== null,
    );
    if (used === undefined || snapshot === undefined) throw new Error('the demo has no account that logged on');
    const port = await closedPort();
    const asOf = Date.parse(snapshot.finishedAt ?? snapshot.startedAt);

    const report = await exactLastLogon({
      store,
      target: unreachableTarget(port),
      password: 'secret',
      accounts: [used.samAccountName.toUpperCase()],
      resourcesDir: RESOURCES_DIR,
      domainControllers: [{ host: '127.0.0.1' }],
      now: asOf,
    });
    expect(report).toMatchObject({
      snapshotId: snapshot.id,
      asOf: new Date(asOf).toISOString(),
      dcsAsked: 1,
      dcsAnswered: 0,
      dcSource: 'given',
      domainControllers: [{ host: '127.0.0.1', port, answered: false, errorCode: 'UNREACHABLE' }],
    });
    const [result] = report.accounts;
    expect(result).toMatchObject({
      reference: used.samAccountName.toUpperCase(),
      objectGuid: used.objectGuid,
      samAccountName: used.samAccountName,
      dn: used.dn,
      lastLogon: null,
      lastLogonKnown: used.lastLogonTimestamp,
      exact: false,
      verdictChanged: false,
    });
    expect(result?.perDc).toEqual([expect.objectContaining({ host: '127.0.0.1', port, errorCode: 'UNREACHABLE' })]);
    expect(result?.verdict).toEqual(result?.snapshotVerdict);
  });
});
