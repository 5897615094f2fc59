/**
 * The cost of the kill switch in bulk. Warden disables 1,000 throw-away
 * accounts of a seeded Samba DC over LDAPS — reading each from AD before and
 * after, guardrails, and an audit entry per account in the encrypted store —
 * set against the same number of bare userAccountControl modifies sent
 * through ldapts, measured in the same run. The product aim is an absolute
 * one: a bulk disable of 1,000 accounts within a minute.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Attribute, Change, Client } from 'ldapts';
import { containAccounts, restoreAccounts } from '../../src/governance';
import { scanDirectory } from '../../src/inventory';
import { generateDataKey, openStore, type Store } from '../../src/store';
import { RESOURCES_DIR } from '../../src/cli/resources-dir';
import { directoryWriter } from '../dc/directory-writer';
import { CORP_OU } from '../dc/company/layout';
import { withBenchDc, type BenchDc } from './bench-dc';
import type { Benchmark, BenchOptions, BenchRow, Target } from './benchmark';
import { alternate, median, timed } from './measure';

const ACCOUNTS = 1_000;
const OU = `OU=KillSwitch-Bench,${CORP_OU}`;
/** NORMAL_ACCOUNT | PASSWD_NOTREQD: enabled without a password; with ACCOUNTDISABLE added, disabled. */
const ENABLED = '544';
const DISABLED = '546';
const DISABLE_TARGET: Target = { of: 'value', max: 60_000 };

type Side = 'kill switch' | 'ldapts';

/** The throw-away accounts, created once with the test directory writer. */
async function createAccounts(dc: BenchDc): Promise<string[]> {
  const writer = await directoryWriter({
    ldapsUrl: `ldaps://${dc.target.host}:636`,
    caPem: dc.target.caPem ?? '',
    adminUpn: dc.target.bindName,
    adminPassword: dc.password,
  });
  try {
    await writer.add(OU, { objectClass: ['top', 'organizationalUnit'] });
    const dns: string[] = [];
    for (let i = 1; i <= ACCOUNTS; i++) {
      const sam = `ks-bench-${String(i).padStart(4, '0')}`;
      const dn = `CN=${sam},${OU}`;
      await writer.add(dn, {
        objectClass: ['top', 'person', 'organizationalPerson', 'user'],
        sAMAccountName: sam,
        userAccountControl: ENABLED,
      });
      dns.push(dn);
    }
    return dns;
  } finally {
    await writer.close();
  }
}

/** The baseline: one bare modify per account, as ldapmodify would send them, over one LDAPS bind. */
async function setAll(dc: BenchDc, dns: readonly string[], uac: string): Promise<void> {
  const client = new Client({
    url: `ldaps://${dc.target.host}:636`,
    tlsOptions: { ca: dc.target.caPem ?? '' },
    timeout: dc.target.timeoutMs,
  });
  try {
    await client.bind(dc.target.bindName, dc.password);
    for (const dn of dns) {
      await client.modify(
        dn,
        new Change({
          operation: 'replace',
          modification: new Attribute({ type: 'userAccountControl', values: [uac] }),
        }),
      );
    }
  } finally {
    await client.unbind();
  }
}

async function measure(dc: BenchDc, store: Store, options: BenchOptions): Promise<BenchRow[]> {
  const dns = await createAccounts(dc);
  await scanDirectory({ target: dc.target, password: dc.password, store });
  const guids = (await store.assessment.accounts((await store.snapshots.latestComplete())?.id ?? ''))
    .filter((account) => account.dn.endsWith(OU))
    .map((account) => account.objectGuid);
  if (guids.length !== ACCOUNTS) throw new Error(`The snapshot holds ${guids.length} of the ${ACCOUNTS} accounts`);

  const call = { store, target: dc.target, password: dc.password, actor: 'bench' };
  const disable = async (): Promise<void> => {
    const report = await containAccounts({
      ...call,
      resourcesDir: RESOURCES_DIR,
      reason: 'benchmark',
      steps: { disable: true, resetPassword: false, removeGroups: false, quarantineOu: null, stamp: false },
      selection: { objectGuids: guids },
      confirmCount: ACCOUNTS,
    });
    if (report.counts.done !== ACCOUNTS)
      throw new Error(`Disabled ${report.counts.done} of ${ACCOUNTS}: ${JSON.stringify(report.counts)}`);
  };
  const restore = async (): Promise<void> => {
    const report = await restoreAccounts({ ...call, references: guids, force: false });
    if (report.counts.done !== ACCOUNTS) throw new Error(`Restored ${report.counts.done} of ${ACCOUNTS}`);
  };

  const ms: Record<Side, number[]> = { 'kill switch': [], ldapts: [] };
  const restoreMs: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    for (const side of alternate<Side>(round, ['kill switch', 'ldapts'])) {
      if (side === 'kill switch') {
        ms[side].push((await timed(disable)).ms);
        restoreMs.push((await timed(restore)).ms);
      } else {
        ms[side].push((await timed(() => setAll(dc, dns, DISABLED))).ms);
        await setAll(dc, dns, ENABLED);
      }
    }
  }
  const rate = (samples: readonly number[]): number[] => samples.map((value) => ACCOUNTS / (value / 1000));
  const count = ACCOUNTS.toLocaleString('en-US');
  return [
    {
      metric: `bulk disable of ${count} accounts (read, guardrails, modify, read back, audit entry each)`,
      unit: 'ms',
      value: median(ms['kill switch']),
      baseline: { label: `${count} bare ldapts modifies`, value: median(ms.ldapts), samples: ms.ldapts },
      target: DISABLE_TARGET,
      samples: ms['kill switch'],
    },
    {
      metric: 'bulk disable rate',
      unit: 'items/s',
      value: median(rate(ms['kill switch'])),
      baseline: { label: 'bare ldapts modifies', value: median(rate(ms.ldapts)), samples: rate(ms.ldapts) },
      samples: rate(ms['kill switch']),
    },
    {
      metric: `undo of the same ${count} accounts from the audit log`,
      unit: 'ms',
      value: median(restoreMs),
      samples: restoreMs,
    },
  ];
}

export const killSwitchBenchmark: Benchmark = {
  name: 'kill-switch',
  description: `bulk disable of ${ACCOUNTS.toLocaleString('en-US')} accounts of a seeded Samba DC, audited, vs bare ldapts modifies`,
  async run(options) {
    return withBenchDc(options.dcAccounts, async (dc) => {
      const path = join(dc.dir, 'kill-switch.db');
      const store = await openStore({ path, key: { kind: 'raw', key: generateDataKey() }, create: true });
      try {
        return await measure(dc, store, options);
      } finally {
        await store.close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      }
    });
  },
};
