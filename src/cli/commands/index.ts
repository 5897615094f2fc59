import type { Command } from '../command';
import { connectCommand } from './connect';
import { discoverCommand } from './discover';
import { hrImportCommand } from './hr-import';
import { reconcileCommand } from './reconcile';
import { reconcileDecideCommand } from './reconcile-decide';
import { scanCommand } from './scan';
import { storeCheckCommand } from './store-check';
import { storeInitCommand } from './store-init';
import { storeRekeyCommand } from './store-rekey';

/** Every `warden` subcommand, in the order `warden --help` lists them. */
export const commands: Command[] = [
  discoverCommand,
  connectCommand,
  scanCommand,
  hrImportCommand,
  reconcileCommand,
  reconcileDecideCommand,
  storeInitCommand,
  storeCheckCommand,
  storeRekeyCommand,
];
