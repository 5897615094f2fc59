import type { Command } from '../command';
import { accountSetCommand } from './account-set';
import { accountsCommand } from './accounts';
import { auditListCommand } from './audit-list';
import { auditVerifyCommand } from './audit-verify';
import { connectCommand } from './connect';
import { disableCommand } from './disable';
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
import { restoreCommand } from './restore';
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
  disableCommand,
  restoreCommand,
  auditListCommand,
  auditVerifyCommand,
  storeInitCommand,
  storeCheckCommand,
  storeRekeyCommand,
];
