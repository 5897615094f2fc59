import { verifyAuditLog } from '../../governance';
import { EXIT, UsageError, writeJson, writeLine } from '../cli-io';
import type { Command } from '../command';
import { openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';

export const auditVerifyCommand: Command = {
  words: ['audit', 'verify'],
  summary: 'Check the audit log hash chain and name the first entry changed, removed or inserted',
  synopsis: '--db FILE [--json]',
  help: [
    ...storeHelp,
    'Exit status 1 when the chain is broken; the message names the first broken entry (seq) and the problem.',
    'With --json: {"ok": true, "entries"} or {"ok": false, "seq", "problem", "message", "entry"}.',
  ],
  options: { ...storeOptions },
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals.join(' ')}"`);
    const store = await openStoreFromFlags(values, io);
    try {
      const verification = await verifyAuditLog(store);
      if (values['json'] === true) writeJson(io.stdout, verification);
      else writeLine(verification.ok ? io.stdout : io.stderr, verification.message);
      return verification.ok ? EXIT.ok : EXIT.failure;
    } finally {
      await store.close();
    }
  },
};
