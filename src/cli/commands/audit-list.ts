import { AuditLogError, listAuditLog, parseSince } from '../../governance';
import { EXIT, UsageError, writeJson, writeLine } from '../cli-io';
import { stringOption, type Command } from '../command';
import { openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';

function limitFlag(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const limit = Number(text);
  if (!Number.isSafeInteger(limit) || limit < 1) throw new UsageError(`--limit "${text}" is not a number of entries`);
  return limit;
}

export const auditListCommand: Command = {
  words: ['audit', 'list'],
  summary: 'List the audit log: who did what to which account, when, why, and how it ended',
  synopsis: '--db FILE [--action A] [--target T] [--since ISO] [--limit N] [--json]',
  help: [
    '--action A                  only this action (kill-switch.contain) or family of actions (kill-switch)',
    '--target T                  only entries whose target contains T, or that record T as objectGUID,',
    '                            sAMAccountName, UPN or SID',
    '--since ISO                 only entries from this date or time on (2025-03-01, 2025-03-01T09:00:00Z)',
    '--limit N                   at most N entries (the oldest first)',
    ...storeHelp,
    'With --json: the entries with their state before and after, hashes included.',
  ],
  options: {
    ...storeOptions,
    action: { type: 'string' },
    target: { type: 'string' },
    since: { type: 'string' },
    limit: { type: 'string' },
  },
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals.join(' ')}"`);
    const since = stringOption(values, 'since');
    if (since !== undefined) {
      try {
        parseSince(since);
      } catch (error) {
        if (error instanceof AuditLogError) throw new UsageError(`--since: ${error.message}`);
        throw error;
      }
    }
    const limit = limitFlag(stringOption(values, 'limit'));
    const action = stringOption(values, 'action');
    const target = stringOption(values, 'target');
    const store = await openStoreFromFlags(values, io);
    try {
      const { entries } = await listAuditLog(store, {
        ...(action === undefined ? {} : { action }),
        ...(target === undefined ? {} : { target }),
        ...(since === undefined ? {} : { since }),
        ...(limit === undefined ? {} : { limit }),
      });
      if (values['json'] === true) {
        writeJson(io.stdout, entries);
        return EXIT.ok;
      }
      for (const entry of entries) {
        writeLine(
          io.stdout,
          `#${entry.seq}  ${entry.at}  ${entry.action}  ${entry.result}  ${entry.target ?? '-'}  by ${entry.actor}${entry.reason === null ? '' : `: ${entry.reason}`}`,
        );
      }
      writeLine(io.stdout, `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
