import type { Command } from '../command';
import { accountSetCommand } from './account-set';
import { accountsCommand } from './accounts';
import { connectCommand } from './connect';
import { discoverCommand } from './discover';
import { hrImportCommand } from './hr-import';
import { lastLogonCommand } from './lastlogon';
import { policyCheckCommand } from './policy-check';
import { policyExportCommand } from './policy-export';
import { policyResetCommand } from './policy-reset';
import { policySetCommand } from './policy-set';
import { policyShowCommand } from './policy-show';
import { reconcileCommand } from './reconcile';
import { reconcileDecideCommand } from './reconcile-decide';
import { scanCommand } from './scan';
import { storeCheckCommand } from './store-check';
import { storeInitCommand } from './store-init';
import { storeRekeyCommand } from './store-rekey';
import { summaryCommand } from './summary';

/** Every `warden` subcommand, in the order `warden --help` lists them. */
export const commands: Command[] = [
  discoverCommand,
  connectCommand,
  scanCommand,
  hrImportCommand,
  reconcileCommand,
  reconcileDecideCommand,
  accountsCommand,
  summaryCommand,
  accountSetCommand,
  lastLogonCommand,
  policyShowCommand,
  policyCheckCommand,
  policySetCommand,
  policyResetCommand,
  policyExportCommand,
  storeInitCommand,
  storeCheckCommand,
  storeRekeyCommand,
];
