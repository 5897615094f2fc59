import { existsSync } from 'node:fs';
import { WardenError } from '../../errors';
import { EXIT, writeJson, writeLine } from '../cli-io';
import type { Command } from '../command';
import { dbPath, openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';

export const storeInitCommand: Command = {
  words: ['store', 'init'],
  summary: 'Create a new encrypted store protected by a passphrase',
  synopsis: '--db FILE [--json]',
  help: storeHelp,
  options: storeOptions,
  async run(values, _positionals, io) {
    const path = dbPath(values);
    if (existsSync(path)) {
      throw new WardenError('ALREADY_EXISTS', `${path} already exists; Warden never overwrites a store.`, { path });
    }
    const store = await openStoreFromFlags(values, io, true);
    const summary = { path: store.path, schemaVersion: store.schemaVersion, key: store.keyInfo };
    await store.close();
    if (values['json'] === true) writeJson(io.stdout, summary);
    else writeLine(io.stdout, `Created encrypted store ${summary.path} (schema version ${summary.schemaVersion}).`);
    return EXIT.ok;
  },
};
