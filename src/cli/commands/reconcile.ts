import { ACCOUNT_OUTCOMES } from '../../hr/outcomes';
import { reconcile, type Reconciliation } from '../../hr/reconcile';
import { EXIT, writeJson, writeLine, type CliIo } from '../cli-io';
import { stringOption, type Command } from '../command';
import { openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';

/** How many accounts of a worrying outcome the summary names before it says "and N more". */
const LISTED = 20;

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

function summarize(io: CliIo, result: Reconciliation): void {
  const { figures } = result;
  writeLine(io.stdout, `Snapshot ${result.snapshotId} (${result.snapshotStartedAt}) against ${result.hrFileName}`);
  writeLine(io.stdout, `  enabled accounts:  ${figures.enabledAccounts}`);
  writeLine(io.stdout, `  active employees:  ${figures.activeEmployees}`);
  writeLine(io.stdout, `  imbalance:         ${signed(figures.imbalance)}`);
  writeLine(
    io.stdout,
    `  enabled accounts by who is behind them: ${figures.humanAccounts} human, ${figures.nhiAccounts} NHI, ${figures.undecidedAccounts} undecided` +
      (figures.nhiPerHuman === null ? '' : ` (${figures.nhiPerHuman} NHI per human)`),
  );
  writeLine(io.stdout, '  outcomes:');
  for (const outcome of ACCOUNT_OUTCOMES)
    writeLine(io.stdout, `    ${outcome.padEnd(17)} ${figures.outcomes[outcome]}`);
  writeLine(io.stdout, `    ${'no-account'.padEnd(17)} ${figures.employeesWithoutAccount} (employees)`);
  for (const outcome of ['leaver', 'ambiguous', 'probable'] as const) {
    const accounts = result.accounts.filter((account) => account.outcome === outcome);
    if (accounts.length === 0) continue;
    writeLine(io.stdout, `  ${outcome}:`);
    for (const account of accounts.slice(0, LISTED)) {
      writeLine(io.stdout, `    ${account.samAccountName}: ${account.reason}`);
    }
    if (accounts.length > LISTED) writeLine(io.stdout, `    … and ${accounts.length - LISTED} more (see --json)`);
  }
  if (result.history.length > 1) {
    writeLine(io.stdout, '  history (snapshot start, enabled accounts, active employees, NHI per human):');
    for (const entry of result.history) {
      const { enabledAccounts, activeEmployees, nhiPerHuman } = entry.figures;
      writeLine(
        io.stdout,
        `    ${entry.snapshotStartedAt}  ${enabledAccounts}  ${activeEmployees}  ${nhiPerHuman ?? '-'}`,
      );
    }
  }
}

export const reconcileCommand: Command = {
  words: ['reconcile'],
  summary: 'Match every account of a snapshot with the current HR list: who is behind it, who has left',
  synopsis: '--db FILE [--snapshot ID] [--json]',
  help: [
    '--snapshot ID               the snapshot to reconcile (the latest complete one by default)',
    ...storeHelp,
    "Records each account's outcome and the snapshot's headline figures in the store.",
    'With --json: {"snapshotId", "snapshotStartedAt", "hrImportId", "hrFileName", "reconciledAt",',
    '  "fuzzyNameThreshold", "figures", "history", "accounts": [{"objectGuid", "samAccountName", "enabled",',
    '  "outcome", "rule", "person", "candidates", "secondaryOf", "decided", "reason"}],',
    '  "employees": [{"employeeId", "rowNumber", "status", "outcome": "no-account"}]}.',
  ],
  options: { ...storeOptions, snapshot: { type: 'string' } },
  async run(values, _positionals, io) {
    const store = await openStoreFromFlags(values, io);
    try {
      const snapshotId = stringOption(values, 'snapshot');
      const result = await reconcile(store, snapshotId === undefined ? {} : { snapshotId });
      if (values['json'] === true) writeJson(io.stdout, result);
      else summarize(io, result);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
