import { EXIT, writeJson, writeLine } from '../cli-io';
import type { Command } from '../command';
import { openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';

export const storeCheckCommand: Command = {
  words: ['store', 'check'],
  summary: 'Open a store, read every page and report its schema and key protection',
  synopsis: '--db FILE [--json]',
  help: storeHelp,
  options: storeOptions,
  async run(values, _positionals, io) {
    const store = await openStoreFromFlags(values, io);
    try {
      await store.checkIntegrity();
      const summary = {
        path: store.path,
        schemaVersion: store.schemaVersion,
        migratedFrom: store.openedAtVersion,
        key: store.keyInfo,
        integrity: 'ok',
      };
      if (values['json'] === true) {
        writeJson(io.stdout, summary);
      } else {
        writeLine(io.stdout, `${summary.path}: integrity ok, schema version ${summary.schemaVersion}`);
        if (summary.migratedFrom !== summary.schemaVersion) {
          writeLine(io.stdout, `  upgraded from schema version ${summary.migratedFrom}`);
        }
        const key = summary.key;
        writeLine(
          io.stdout,
          key.kind === 'passphrase'
            ? `  key: passphrase, scrypt N=2^${key.logN} r=${key.r} p=${key.p}`
            : '  key: random 256-bit key',
        );
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
