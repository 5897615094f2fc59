import type { ConnectionTarget } from '../../api/schemas';
import {
  checkBulkConfirmation,
  containAccounts,
  isKillSwitchError,
  planContainment,
  selectAccounts,
  type AccountResult,
  type ContainmentPlan,
  type ContainmentSteps,
  type ResultKind,
} from '../../governance';
import { profileTarget } from '../../api/profile-target';
import { parseAccountFilter, RiskError } from '../../risk';
import { localActor } from '../../store/local-actor';
import type { Store } from '../../store';
import { EXIT, UsageError, writeJson, writeLine, type CliIo } from '../cli-io';
import { stringOption, type Command, type OptionValues } from '../command';
import {
  connectionHelp,
  connectionOptions,
  parseConnectionFlags,
  withPlainTextConfirmation,
} from '../connection-flags';
import { profileName, profileOption, savedProfile } from '../profile-flag';
import { progressLine } from '../progress-line';
import { RESOURCES_DIR } from '../resources-dir';
import { readSecret } from '../secrets';
import { openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';

export const freshBindHelp = [
  ...connectionHelp,
  '--profile NAME              connect as a profile saved in the store says; its saved password is NOT used:',
  '                              a change to AD always binds with a password given now (WARDEN_BIND_PASSWORD or asked)',
];

/**
 * Where to bind for a change to AD, and with which password: always one given
 * for this run, never the password a profile saved — a destructive action is
 * authorised afresh each time.
 */
export async function freshBind(
  store: Store,
  values: OptionValues,
  io: CliIo,
): Promise<{ target: ConnectionTarget; password: string }> {
  const name = profileName(values);
  const target =
    name === undefined
      ? parseConnectionFlags(values)
      : withPlainTextConfirmation(profileTarget(await savedProfile(store, name)), values);
  return { target, password: await readSecret(io, 'WARDEN_BIND_PASSWORD', `Password for ${target.bindName}`) };
}

/** The Ctrl-C of a run: stops between two accounts, never inside one. */
export function interruptible(): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const onInterrupt = (): void => controller.abort();
  process.once('SIGINT', onInterrupt);
  return { signal: controller.signal, release: () => process.removeListener('SIGINT', onInterrupt) };
}

export function printResults(io: CliIo, results: readonly AccountResult[]): void {
  const width = Math.max(8, ...results.map((result) => result.samAccountName.length));
  for (const result of results) {
    const seq = result.auditSeq === null ? '' : `  [audit #${result.auditSeq}]`;
    writeLine(io.stdout, `${result.result.padEnd(8)} ${result.samAccountName.padEnd(width)}  ${result.message}${seq}`);
    for (const note of result.notes) writeLine(io.stdout, `${''.padEnd(width + 10)}note: ${note}`);
    for (const difference of result.refusal?.differences ?? []) {
      writeLine(
        io.stdout,
        `${''.padEnd(width + 10)}${difference.field}: recorded ${difference.expected}; now ${difference.actual}`,
      );
    }
  }
}

export function countsLine(counts: Record<ResultKind, number>): string {
  return (Object.entries(counts) as [ResultKind, number][])
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');
}

function confirmCountFlag(values: OptionValues): number | undefined {
  const text = stringOption(values, 'confirm-count');
  if (text === undefined) return undefined;
  const count = Number(text);
  if (!Number.isSafeInteger(count) || count < 1)
    throw new UsageError(`--confirm-count "${text}" is not a number of accounts`);
  return count;
}

function stepsFrom(values: OptionValues): ContainmentSteps {
  return {
    disable: true,
    resetPassword: values['reset-password'] === true,
    removeGroups: values['strip-groups'] === true,
    quarantineOu: stringOption(values, 'quarantine-ou') ?? null,
    stamp: values['stamp'] === true,
  };
}

function printPlan(io: CliIo, plan: ContainmentPlan): void {
  writeLine(
    io.stdout,
    `Dry run, nothing changed: ${plan.accounts.length} account(s) of snapshot ${plan.snapshotId}, as ${plan.boundAs} on ${plan.dc}`,
  );
  for (const account of plan.accounts) {
    writeLine(io.stdout, `${account.samAccountName}  ${account.dn}`);
    const state = account.state;
    if (state !== null) {
      writeLine(
        io.stdout,
        `  now: ${state.enabled ? 'enabled' : 'disabled'} (userAccountControl ${state.userAccountControl}), ${state.groups.length} group(s), in ${state.ou}, description ${JSON.stringify(state.description ?? '')}`,
      );
    }
    if (account.problem !== null) writeLine(io.stdout, `  cannot act: ${account.problem}`);
    if (account.refusal !== null)
      writeLine(io.stdout, `  refused [${account.refusal.guardrail}]: ${account.refusal.message}`);
    for (const step of account.steps) {
      writeLine(io.stdout, `  ${step.noOp ? 'no-op ' : 'will  '} ${step.step}: ${step.summary}`);
    }
  }
  const { willChange, alreadyContained, refused, problems } = plan.counts;
  writeLine(
    io.stdout,
    `${willChange} would change, ${alreadyContained} already contained, ${refused} refused, ${problems} cannot be read`,
  );
  if (plan.confirmCount > 1)
    writeLine(io.stdout, `To run it: the same command without --dry-run, with --confirm-count ${plan.confirmCount}`);
  for (const note of plan.notes) writeLine(io.stdout, `Note: ${note}`);
}

/** The bulk check again, in the words of this command's flags. */
function confirmOrExplain(selected: number, confirmCount: number | undefined): void {
  try {
    checkBulkConfirmation(selected, confirmCount);
  } catch (error) {
    if (isKillSwitchError(error, 'CONFIRM_COUNT_REQUIRED') || isKillSwitchError(error, 'CONFIRM_COUNT_MISMATCH')) {
      throw new UsageError(
        `${error.message} Run again with --confirm-count ${selected} (see the accounts first with --dry-run).`,
      );
    }
    throw error;
  }
}

export const disableCommand: Command = {
  words: ['disable'],
  summary: 'Kill switch: disable accounts of the latest snapshot (and reset, strip, quarantine, stamp), recorded',
  synopsis:
    'ACCOUNT... --reason TEXT [--reset-password] [--strip-groups] [--quarantine-ou DN] [--stamp] [--filter EXPR] [--confirm-count N] [--dry-run] (--url … --bind … | --profile NAME) --db FILE [--json]',
  help: [
    'ACCOUNT                     sAMAccountName, DN or objectGUID of an account of the latest snapshot',
    '--reason TEXT               why (required): recorded in the audit log and, with --stamp, on the account',
    '--reset-password            set a random password nobody knows (LDAPS or StartTLS only)',
    '--strip-groups              remove it from every group whose member holds it (the primary group stays)',
    '--quarantine-ou DN          move it to this OU, keeping its name',
    '--stamp                     write who, when and why into description and info',
    '--filter EXPR               the accounts of the latest snapshot that match (see warden accounts --help)',
    '--confirm-count N           required for more than one account: the exact number selected',
    '--dry-run                   read each account from AD and show the plan; nothing is changed or recorded',
    ...freshBindHelp,
    ...storeHelp,
    'Refused, never touched: krbtgt, the built-in Administrator (RID 500), domain controllers, the account bound',
    "as, and accounts on the policy's break-glass list. Each account is recorded in the audit log (warden audit list).",
    'Exit status 1 when any account was not done (refused, denied by AD, or failed). Undo with warden restore.',
    'Kerberos tickets issued before the disable stay valid until they expire (up to 10 hours by default).',
  ],
  options: {
    ...connectionOptions,
    ...profileOption,
    ...storeOptions,
    reason: { type: 'string' },
    'reset-password': { type: 'boolean', default: false },
    'strip-groups': { type: 'boolean', default: false },
    'quarantine-ou': { type: 'string' },
    stamp: { type: 'boolean', default: false },
    filter: { type: 'string' },
    'confirm-count': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
  async run(values, positionals, io) {
    const reason = stringOption(values, 'reason')?.trim();
    if (!reason) throw new UsageError('--reason TEXT is required: it goes into the audit log');
    const filter = stringOption(values, 'filter');
    if (positionals.length === 0 && filter === undefined)
      throw new UsageError('name at least one ACCOUNT, or give --filter');
    if (filter !== undefined) {
      try {
        parseAccountFilter(filter);
      } catch (error) {
        if (error instanceof RiskError && error.code === 'INVALID_FILTER') throw new UsageError(error.message);
        throw error;
      }
    }
    const confirmCount = confirmCountFlag(values);
    const dryRun = values['dry-run'] === true;
    const steps = stepsFrom(values);

    const store = await openStoreFromFlags(values, io);
    const interrupt = interruptible();
    const progress = progressLine(io);
    try {
      // Selected and counted before the bind password is asked: a wrong count costs no password.
      const selection = await selectAccounts(
        store,
        { references: positionals, ...(filter === undefined ? {} : { filter }) },
        RESOURCES_DIR,
      );
      if (!dryRun) confirmOrExplain(selection.accounts.length, confirmCount);
      const { target, password } = await freshBind(store, values, io);
      const call = {
        store,
        resourcesDir: RESOURCES_DIR,
        target,
        password,
        actor: localActor(),
        reason,
        steps,
        selection: { objectGuids: selection.accounts.map((account) => account.objectGuid) },
        signal: interrupt.signal,
      };
      if (dryRun) {
        const plan = await planContainment(call);
        if (values['json'] === true) writeJson(io.stdout, plan);
        else printPlan(io, plan);
        return EXIT.ok;
      }
      const report = await containAccounts({
        ...call,
        ...(confirmCount === undefined ? {} : { confirmCount }),
        onProgress: ({ done, total, samAccountName, result }) =>
          progress.update(`${done}/${total} ${samAccountName}: ${result}`),
      }).finally(() => progress.done());
      if (values['json'] === true) {
        writeJson(io.stdout, report);
      } else {
        writeLine(
          io.stdout,
          `Kill switch on ${report.results.length} account(s) of snapshot ${report.snapshotId}, as ${report.boundAs} on ${report.dc}: ${countsLine(report.counts)}${report.cancelled ? ' (cancelled)' : ''}`,
        );
        printResults(io, report.results);
        for (const note of report.notes) writeLine(io.stdout, `Note: ${note}`);
      }
      return report.results.every((result) => result.result === 'done') ? EXIT.ok : EXIT.failure;
    } finally {
      interrupt.release();
      await store.close();
    }
  },
};
