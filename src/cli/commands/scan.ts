import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_LDIF_FILE, importLdif, scanDirectory, type ScanProgress, type ScanSummary } from '../../inventory';
import type { Store } from '../../store';
import { EXIT, UsageError, writeJson, writeLine, type CliIo } from '../cli-io';
import { stringOption, type Command, type OptionValues } from '../command';
import { connectionHelp, connectionOptions, parseConnectionFlags } from '../connection-flags';
import { profileConnection, profileHelp, profileName, profileOption } from '../profile-flag';
import { progressLine } from '../progress-line';
import { RESOURCES_DIR } from '../resources-dir';
import { readSecret } from '../secrets';
import { dbPath, openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';

type Scan = (store: Store, signal: AbortSignal, onProgress: (event: ScanProgress) => void) => Promise<ScanSummary>;

function incrementalFlag(values: OptionValues): boolean {
  return values['incremental'] === true;
}

/** Where the snapshot comes from: a live DC, an LDIF export, or the bundled demo. Returns the scan to run. */
async function chooseSource(values: OptionValues, io: CliIo): Promise<{ scan: Scan; label: string }> {
  const ldif = stringOption(values, 'ldif');
  const demo = values['demo'] === true;
  if (ldif !== undefined || demo) {
    if (ldif !== undefined && demo) throw new UsageError('--ldif and --demo are two different sources: choose one');
    if (incrementalFlag(values)) {
      throw new UsageError('--incremental reads the changes a DC counts by USN; a file is always read whole');
    }
    const url = stringOption(values, 'url');
    if (url !== undefined) throw new UsageError(`--url reads a live domain; it does not go with --ldif or --demo`);
    const path = ldif ?? join(RESOURCES_DIR, DEMO_LDIF_FILE);
    const sourceKind = demo ? 'demo' : 'ldif';
    return {
      label: demo ? 'the demo domain' : path,
      scan: (store, signal, onProgress) => importLdif({ path, store, sourceKind, signal, onProgress }),
    };
  }
  const name = profileName(values);
  if (name !== undefined) {
    return {
      label: `profile "${name}"`,
      scan: async (store, signal, onProgress) => {
        const { profile, target, password } = await profileConnection(store, name, values, io);
        return scanDirectory({
          target,
          password,
          store,
          profileId: profile.id,
          signal,
          onProgress,
          incremental: incrementalFlag(values),
        });
      },
    };
  }
  const target = parseConnectionFlags(values);
  const password = await readSecret(io, 'WARDEN_BIND_PASSWORD', `Password for ${target.bindName}`);
  return {
    label: target.host,
    scan: (store, signal, onProgress) =>
      scanDirectory({ target, password, store, signal, onProgress, incremental: incrementalFlag(values) }),
  };
}

function describeProgress(progress: ScanProgress): string {
  if (progress.phase === 'connecting' || progress.phase === 'binding' || progress.phase === 'reading-rootdse') {
    return `${progress.phase}…`;
  }
  const read = progress.accounts + progress.groups;
  const of = progress.estimatedTotal === undefined ? '' : ` of about ${progress.estimatedTotal}`;
  return `${progress.phase}… ${progress.accounts} accounts, ${progress.groups} groups (${read}${of}, ${progress.ratePerSecond}/s)`;
}

export const scanCommand: Command = {
  words: ['scan'],
  summary: 'Read every account, group and membership of a domain into a new snapshot in the store',
  synopsis:
    '(--url ldaps://HOST[:PORT] --bind USER [--ca FILE.pem] [--server-name NAME] [--base DN] [--starttls] | --profile NAME | --ldif FILE | --demo) --db FILE [--incremental] [--json]',
  help: [
    ...connectionHelp,
    profileHelp,
    '--ldif FILE                 read an LDIF export (ldifde -f, ldapsearch -LLL) instead of a live domain',
    '--demo                      load the bundled demo company instead of a live domain',
    '--incremental               read only what changed on the DC since the last complete snapshot of the same',
    '                            profile (or of scans without one); a full scan when that snapshot came from',
    '                            another DC, base DN or account, with the reason printed',
    ...storeHelp,
    'The store is created on first use; its passphrase is then asked twice.',
    'With --json: {"snapshotId", "accounts", "groups", "durationMs", "incremental"}, plus "fullScanReason"',
    'when --incremental had to read everything, and "baseSnapshotId" and "changes" when it did not.',
  ],
  options: {
    ...connectionOptions,
    ...profileOption,
    ...storeOptions,
    ldif: { type: 'string' },
    demo: { type: 'boolean', default: false },
    incremental: { type: 'boolean', default: false },
  },
  async run(values, _positionals, io) {
    const creating = !existsSync(dbPath(values));
    if (creating && stringOption(values, 'profile') !== undefined) {
      throw new UsageError(`--profile reads a profile saved in the store, and there is no store at ${dbPath(values)}`);
    }
    const { scan, label } = await chooseSource(values, io);
    const store = await openStoreFromFlags(values, io, creating);
    const progress = progressLine(io);
    // Ctrl-C cancels the scan: the snapshot is marked cancelled and the last complete one stays current.
    const interrupt = new AbortController();
    const onInterrupt = (): void => interrupt.abort();
    process.once('SIGINT', onInterrupt);
    try {
      const summary = await scan(store, interrupt.signal, (event) => progress.update(describeProgress(event))).finally(
        () => {
          process.removeListener('SIGINT', onInterrupt);
          progress.done();
        },
      );
      if (values['json'] === true) {
        writeJson(io.stdout, {
          snapshotId: summary.snapshotId,
          accounts: summary.accounts,
          groups: summary.groups,
          durationMs: summary.durationMs,
          incremental: summary.incremental,
          ...(summary.fullScanReason === undefined ? {} : { fullScanReason: summary.fullScanReason }),
          ...(summary.baseSnapshotId === undefined ? {} : { baseSnapshotId: summary.baseSnapshotId }),
          ...(summary.changes === undefined ? {} : { changes: summary.changes }),
        });
        return EXIT.ok;
      }
      writeLine(
        io.stdout,
        `Snapshot ${summary.snapshotId} of ${label} complete${creating ? ` (created ${store.path})` : ''}`,
      );
      writeLine(io.stdout, `  accounts: ${summary.accounts}`);
      writeLine(io.stdout, `  groups:   ${summary.groups}`);
      writeLine(io.stdout, `  took:     ${summary.durationMs} ms`);
      if (summary.changes !== undefined) {
        const { changedAccounts, changedGroups, removed } = summary.changes;
        writeLine(
          io.stdout,
          `  changes:  ${changedAccounts} accounts and ${changedGroups} groups read again, ${removed} removed, since snapshot ${summary.baseSnapshotId ?? ''}`,
        );
      } else if (summary.fullScanReason !== undefined) {
        writeLine(io.stdout, `  full scan: ${summary.fullScanReason}`);
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
