import { ACCOUNT_TYPES, assess, completeSnapshot, RiskError, type AccountAssessment } from '../../risk';
import { resolveAccountReferences } from '../../risk/account-references';
import type { AssessmentAccount, Store } from '../../store';
import type { MetadataChange } from '../../store/repositories/account-metadata';
import { localActor } from '../../store/local-actor';
import { EXIT, UsageError, writeJson, writeLine, type CliIo } from '../cli-io';
import { stringOption, type Command, type OptionValues } from '../command';
import { RESOURCES_DIR } from '../resources-dir';
import { openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';

function isAccountType(value: string): value is (typeof ACCOUNT_TYPES)[number] {
  return ACCOUNT_TYPES.some((type) => type === value);
}

function describeChange(change: MetadataChange): string {
  if (change.value === null) return `${change.kind} withdrawn`;
  return `${change.kind} set to ${Array.isArray(change.value) ? change.value.join(', ') : change.value}`;
}

/** A flag and its --clear-… counterpart: at most one of them. */
function exclusive(values: OptionValues, name: string): { given: string | undefined; clear: boolean } {
  const given = stringOption(values, name);
  const clear = values[`clear-${name}`] === true;
  if (given !== undefined && clear) throw new UsageError(`--${name} and --clear-${name} contradict each other`);
  return { given, clear };
}

/** The changes asked for, checked before the store is opened. */
function changesFromFlags(values: OptionValues): MetadataChange[] {
  const changes: MetadataChange[] = [];
  const type = exclusive(values, 'type');
  if (type.given !== undefined) {
    const wanted = type.given.trim().toLowerCase();
    if (!isAccountType(wanted)) {
      throw new UsageError(`"${type.given}" is not an account type; use one of ${ACCOUNT_TYPES.join(', ')}`);
    }
    changes.push({ kind: 'type', value: wanted });
  } else if (type.clear) changes.push({ kind: 'type', value: null });

  const owner = exclusive(values, 'owner');
  if (owner.given !== undefined) {
    if (owner.given.trim().length === 0) throw new UsageError('--owner needs a name; use --clear-owner to remove it');
    changes.push({ kind: 'owner', value: owner.given.trim() });
  } else if (owner.clear) changes.push({ kind: 'owner', value: null });

  const tags = exclusive(values, 'tags');
  if (tags.given !== undefined) {
    const list = tags.given
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag.length > 0);
    if (list.length === 0) throw new UsageError('--tags needs at least one tag; use --clear-tags to remove them');
    changes.push({ kind: 'tags', value: list });
  } else if (tags.clear) changes.push({ kind: 'tags', value: null });

  if (changes.length === 0) {
    throw new UsageError('say what to change: --type, --owner, --tags or one of their --clear-… flags');
  }
  return changes;
}

async function accountOfLatestSnapshot(
  store: Store,
  reference: string,
): Promise<{ snapshotId: string; account: AssessmentAccount }> {
  const snapshot = await completeSnapshot(store, undefined);
  const account = resolveAccountReferences(await store.assessment.accounts(snapshot.id), [reference]).found[0]?.account;
  if (account === undefined) {
    throw new RiskError(
      'ACCOUNT_NOT_FOUND',
      `No account of the latest snapshot (${snapshot.id}) has the objectGUID, sAMAccountName or DN "${reference}".`,
      { account: reference, snapshotId: snapshot.id },
    );
  }
  return { snapshotId: snapshot.id, account };
}

function printAssessment(io: CliIo, assessed: AccountAssessment, changes: readonly MetadataChange[]): void {
  const out = (text: string): void => writeLine(io.stdout, text);
  out(
    `${assessed.samAccountName} (${assessed.objectGuid}): ${changes.map(describeChange).join('; ')}; recorded in the audit log.`,
  );
  out(`  type:    ${assessed.type} (decided by ${assessed.typeDecidedBy})`);
  out(
    `  owner:   ${assessed.owner ?? 'none'} (${assessed.ownerStatus}${assessed.ownerSource === null ? '' : `, from ${assessed.ownerSource}`}): ${assessed.ownerReason}`,
  );
  out(`  tags:    ${assessed.tags.join(', ') || 'none'}`);
  const { criticality, sensitivity, impact } = assessed.factors;
  out(
    `  risk:    ${assessed.risk}, score ${assessed.score} (criticality ${criticality}, sensitivity ${sensitivity}, impact ${impact})`,
  );
  for (const reason of assessed.reasons) out(`    ${reason.id}: ${reason.evidence.summary}`);
}

export const accountSetCommand: Command = {
  words: ['account', 'set'],
  summary: "Record Warden's own type, owner or tags of an account; they win over what the directory says",
  synopsis:
    'ACCOUNT --reason TEXT [--type TYPE|--clear-type] [--owner NAME|--clear-owner] [--tags a,b|--clear-tags] --db FILE [--json]',
  help: [
    'ACCOUNT                     an account of the latest snapshot: its sAMAccountName, objectGUID or DN',
    `--type TYPE                 one of ${ACCOUNT_TYPES.join(', ')}`,
    "--owner NAME                the owner's sAMAccountName, UPN, mail address or DN",
    "--tags a,b                  replaces the tags; tags named in the policy's sensitiveTags raise sensitivity",
    '--clear-type, --clear-owner, --clear-tags   withdraw what was recorded: the directory decides again',
    '--reason TEXT               why: it goes into the audit log with your user name',
    ...storeHelp,
    'What is recorded is kept by objectGUID and applies to every later scan of the account.',
    'With --json: the account\'s new assessment, as one object of "warden accounts --json".',
  ],
  options: {
    ...storeOptions,
    reason: { type: 'string' },
    type: { type: 'string' },
    'clear-type': { type: 'boolean', default: false },
    owner: { type: 'string' },
    'clear-owner': { type: 'boolean', default: false },
    tags: { type: 'string' },
    'clear-tags': { type: 'boolean', default: false },
  },
  async run(values, positionals, io) {
    const [reference, ...extra] = positionals;
    if (reference === undefined || reference.trim().length === 0) {
      throw new UsageError('name the account: its sAMAccountName, objectGUID or DN');
    }
    if (extra.length > 0) throw new UsageError('change one account at a time (quote a DN that has blanks)');
    const reason = stringOption(values, 'reason')?.trim();
    if (reason === undefined || reason.length === 0) throw new UsageError('--reason TEXT is required');
    const changes = changesFromFlags(values);
    const store = await openStoreFromFlags(values, io);
    try {
      const { snapshotId, account } = await accountOfLatestSnapshot(store, reference);
      const actor = localActor();
      for (const change of changes) {
        await store.accountMetadata.record({ objectGuid: account.objectGuid, change, reason, actor });
      }
      const assessment = await assess(store, { resourcesDir: RESOURCES_DIR, snapshotId });
      const assessed = assessment.accounts.find((candidate) => candidate.objectGuid === account.objectGuid);
      if (assessed === undefined) {
        // The snapshot was just read; an account cannot leave it.
        throw new RiskError('ACCOUNT_NOT_FOUND', `${account.samAccountName} is no longer in snapshot ${snapshotId}.`, {
          account: reference,
          snapshotId,
        });
      }
      if (values['json'] === true) writeJson(io.stdout, assessed);
      else printAssessment(io, assessed, changes);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
