import { rekeyStore } from '../../store';
import { EXIT, writeJson, writeLine } from '../cli-io';
import type { Command } from '../command';
import { openStoreFromFlags, readNewPassphrase, storeHelp, storeOptions } from '../store-flags';

export const storeRekeyCommand: Command = {
  words: ['store', 'rekey'],
  summary: 'Re-encrypt a store under a new passphrase (and a new salt)',
  synopsis: '--db FILE [--json]',
  help: [
    ...storeHelp,
    'WARDEN_NEW_DB_PASSPHRASE    the new passphrase (asked twice without echo when unset on a terminal)',
  ],
  options: storeOptions,
  async run(values, _positionals, io) {
    const store = await openStoreFromFlags(values, io);
    try {
      const passphrase = await readNewPassphrase(io, 'WARDEN_NEW_DB_PASSPHRASE', 'New passphrase');
      await rekeyStore(store, { kind: 'passphrase', passphrase });
      if (values['json'] === true) writeJson(io.stdout, { path: store.path, rekeyed: true, key: store.keyInfo });
      else writeLine(io.stdout, `${store.path} is now encrypted under the new passphrase.`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
