import { restoreAccounts } from '../../governance';
import { localActor } from '../../store/local-actor';
import { EXIT, UsageError, writeJson, writeLine } from '../cli-io';
import { stringOption, type Command } from '../command';
import { connectionOptions } from '../connection-flags';
import { profileOption } from '../profile-flag';
import { progressLine } from '../progress-line';
import { openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';
import { countsLine, freshBind, freshBindHelp, interruptible, printResults } from './disable';

export const restoreCommand: Command = {
  words: ['restore'],
  summary: 'Undo the kill switch: put accounts back as the audit log recorded them before their containment',
  synopsis: 'ACCOUNT... [--force] [--reason TEXT] (--url … --bind … | --profile NAME) --db FILE [--json]',
  help: [
    'ACCOUNT                     sAMAccountName, UPN, DN (before or after the move), SID or objectGUID',
    '--force                     restore even where the account changed since its containment (the changes are',
    '                            listed without it, and the account is left alone)',
    '--reason TEXT               why, for the audit log (default: "Undo of containment #N (its reason)")',
    ...freshBindHelp,
    ...storeHelp,
    'Restores the enabled flag, the groups, the OU (moved back), description and info. A password the',
    'containment set cannot be restored: set a new one. Each account is recorded in the audit log.',
    'Exit status 1 when any account was not done.',
  ],
  options: {
    ...connectionOptions,
    ...profileOption,
    ...storeOptions,
    force: { type: 'boolean', default: false },
    reason: { type: 'string' },
  },
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError('name at least one ACCOUNT to restore');
    const store = await openStoreFromFlags(values, io);
    const interrupt = interruptible();
    const progress = progressLine(io);
    try {
      const { target, password } = await freshBind(store, values, io);
      const reason = stringOption(values, 'reason');
      const report = await restoreAccounts({
        store,
        target,
        password,
        actor: localActor(),
        references: positionals,
        force: values['force'] === true,
        ...(reason === undefined ? {} : { reason }),
        signal: interrupt.signal,
        onProgress: ({ done, total, samAccountName, result }) =>
          progress.update(`${done}/${total} ${samAccountName}: ${result}`),
      }).finally(() => progress.done());
      if (values['json'] === true) {
        writeJson(io.stdout, report);
      } else {
        writeLine(
          io.stdout,
          `Restore of ${report.results.length} account(s), as ${report.boundAs} on ${report.dc}: ${countsLine(report.counts)}${report.cancelled ? ' (cancelled)' : ''}`,
        );
        printResults(io, report.results);
        if (report.counts.refused > 0) writeLine(io.stdout, 'Add --force to restore over the changes listed above.');
      }
      return report.results.every((result) => result.result === 'done') ? EXIT.ok : EXIT.failure;
    } finally {
      interrupt.release();
      await store.close();
    }
  },
};
