/**
 * The cost of encryption. Every figure of Warden's encrypted store is set
 * against the same work on a plain SQLite file (same native module, schema,
 * pragmas, Kysely wiring and rows; see plain-database.ts), measured in the same
 * run, so the ratios hold whatever the machine.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCRYPT, type NewAccountRow } from '../../src/store';
import { derivePassphraseKey, newPassphraseSalt } from '../../src/store/passphrase-kdf';
import { accountQueries, type AccountQuery } from './account-queries';
import type { Benchmark, BenchOptions, BenchRow, Target, Unit } from './benchmark';
import { alternate, median, timed } from './measure';
import { sampleAccounts } from './sample-accounts';
import { encryptedSide, plainSide, type OpenedSide, type StoreSide } from './store-sides';
import { writeSnapshot } from './write-snapshot';

type Sides = readonly [StoreSide, StoreSide];
type Samples = Record<StoreSide['label'], number[]>;

/** An aim, not a law: encryption may cost up to half as much again as writing in clear. */
const WRITE_RATIO_TARGET: Target = { of: 'ratio', max: 1.5 };
/** The product aim for any inventory filter on a 100k-account snapshot: the screen answers without a visible wait. */
const FILTER_TARGET: Target = { of: 'value', max: 50 };
/** Enough rows to get Kysely and both SQLite code paths compiled before anything is timed. */
const WARM_UP_ACCOUNTS = 5_000;

function noSamples(): Samples {
  return { encrypted: [], plain: [] };
}

function compared(metric: string, unit: Unit, samples: Samples, baselineLabel: string, target?: Target): BenchRow {
  return {
    metric,
    unit,
    value: median(samples.encrypted),
    baseline: { label: baselineLabel, value: median(samples.plain), samples: samples.plain },
    samples: samples.encrypted,
    ...(target === undefined ? {} : { target }),
  };
}

async function withOpened<T>(opening: Promise<OpenedSide>, work: (opened: OpenedSide) => Promise<T>): Promise<T> {
  const opened = await opening;
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

async function measureScrypt(options: BenchOptions): Promise<BenchRow> {
  const salt = newPassphraseSalt(DEFAULT_SCRYPT);
  const samples: number[] = [];
  for (let round = 0; round < options.repeat; round++) {
    samples.push(
      (await timed(() => derivePassphraseKey('a passphrase of reasonable length', salt, DEFAULT_SCRYPT))).ms,
    );
  }
  const { logN, r, p } = DEFAULT_SCRYPT;
  return {
    metric: `scrypt at default cost (logN ${logN}, r ${r}, p ${p})`,
    unit: 'ms',
    value: median(samples),
    samples,
  };
}

/** Leaves both files holding the snapshot, for the measurements that read it. */
async function measureWrites(
  sides: Sides,
  snapshotId: string,
  accounts: readonly NewAccountRow[],
  options: BenchOptions,
): Promise<BenchRow[]> {
  const warmUp = accounts.slice(0, WARM_UP_ACCOUNTS);
  for (const side of sides) await withOpened(side.create(), (opened) => writeSnapshot(opened.db, snapshotId, warmUp));

  const samples = noSamples();
  for (let round = 0; round < options.rounds; round++) {
    for (const side of alternate(round, sides)) {
      const { ms } = await withOpened(side.create(), (opened) =>
        timed(() => writeSnapshot(opened.db, snapshotId, accounts)),
      );
      samples[side.label].push(ms);
    }
  }
  const perSecond = (ms: number): number => accounts.length / (ms / 1000);
  const rates = { encrypted: samples.encrypted.map(perSecond), plain: samples.plain.map(perSecond) };
  const count = accounts.length.toLocaleString('en-US');
  return [
    compared(`write snapshot of ${count} accounts`, 'ms', samples, 'plain SQLite', WRITE_RATIO_TARGET),
    compared('write rate', 'items/s', rates, 'plain SQLite'),
  ];
}

function measureFileSizes(sides: Sides): BenchRow {
  const sizes = noSamples();
  for (const side of sides) sizes[side.label].push(statSync(side.path).size / 1024 ** 2);
  return compared('file size', 'MiB', sizes, 'plain SQLite');
}

async function measureOpens(sides: Sides, options: BenchOptions): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const integrityCheck of [false, true]) {
    const samples = noSamples();
    for (let round = 0; round < options.repeat; round++) {
      for (const side of alternate(round, sides)) {
        const { ms, result } = await timed(() => side.open({ integrityCheck }));
        await result.close();
        samples[side.label].push(ms);
      }
    }
    rows.push(
      integrityCheck
        ? compared('open with integrity check', 'ms', samples, 'plain open + quick_check')
        : compared('open', 'ms', samples, 'plain open'),
    );
  }
  return rows;
}

/**
 * "Fresh" runs the query as the first thing on a new connection, so every page
 * it touches is read and, in the store, decrypted; the OS file cache is warm
 * either way, as it would be moments after a scan. "Cached" repeats it, served
 * from SQLite's page cache of already-decrypted pages.
 */
async function measureQuery(
  sides: Sides,
  snapshotId: string,
  query: AccountQuery,
  options: BenchOptions,
): Promise<BenchRow[]> {
  const fresh = noSamples();
  const cached = noSamples();
  const answers = new Map<string, string>();
  for (let round = 0; round < options.repeat; round++) {
    for (const side of alternate(round, sides)) {
      await withOpened(side.open({ integrityCheck: false }), async (opened) => {
        const first = await timed(() => query.run(opened.db, snapshotId));
        const again = await timed(() => query.run(opened.db, snapshotId));
        fresh[side.label].push(first.ms);
        cached[side.label].push(again.ms);
        answers.set(side.label, JSON.stringify(first.result));
      });
    }
  }
  // Both files hold identical rows, so a ratio is meaningful only if both answered identically.
  if (answers.get('encrypted') !== answers.get('plain')) {
    throw new Error(`"${query.name}" answered differently on the encrypted and the plain database`);
  }
  return [
    compared(`${query.name} [fresh]`, 'ms', fresh, 'plain SQLite', FILTER_TARGET),
    compared(`${query.name} [cached]`, 'ms', cached, 'plain SQLite', FILTER_TARGET),
  ];
}

export const storeBenchmark: Benchmark = {
  name: 'store',
  description: 'encrypted store vs plain SQLite with the same schema, pragmas and rows',
  async run(options) {
    const rows: BenchRow[] = [await measureScrypt(options)];
    const dir = mkdtempSync(join(tmpdir(), 'warden-bench-'));
    try {
      const sides: Sides = [plainSide(dir), encryptedSide(dir)];
      const snapshotId = randomUUID();
      // Generated once, outside any timing, so both databases store exactly the same rows.
      const accounts = sampleAccounts(snapshotId, options.accounts);
      rows.push(...(await measureWrites(sides, snapshotId, accounts, options)));
      rows.push(measureFileSizes(sides));
      rows.push(...(await measureOpens(sides, options)));
      for (const query of accountQueries) rows.push(...(await measureQuery(sides, snapshotId, query, options)));
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
