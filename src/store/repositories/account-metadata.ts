import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import { StoreError } from '../errors';
import type { DecisionRow, WardenDatabase } from '../schema';
import { auditRepository } from './audit';
import { appendDecisionRow, latestPerSubject } from './decision-rows';

/**
 * Warden's own facts about an account, which win over what the directory
 * says and survive every rescan: keyed by objectGUID in the decisions table
 * (subject_kind 'account', kind 'type' | 'owner' | 'tags'), each change with
 * its reason and an audit entry. A null value withdraws the fact.
 */
export const METADATA_KINDS = ['type', 'owner', 'tags'] as const;
export type MetadataKind = (typeof METADATA_KINDS)[number];

export interface MetadataFact<T> {
  value: T;
  reason: string;
  actor: string;
  decidedAt: string;
}

export interface AccountMetadata {
  objectGuid: string;
  type?: MetadataFact<string>;
  /** The owner as the administrator gave it: a sAMAccountName, UPN, mail address or DN. */
  owner?: MetadataFact<string>;
  tags?: MetadataFact<string[]>;
}

export type MetadataChange =
  | { kind: 'type'; value: string | null }
  | { kind: 'owner'; value: string | null }
  | { kind: 'tags'; value: string[] | null };

export interface MetadataInput {
  objectGuid: string;
  change: MetadataChange;
  reason: string;
  actor: string;
}

export interface AccountMetadataRepository {
  /** Every account's facts in force, by objectGUID (lower case). */
  all(): Promise<Map<string, AccountMetadata>>;
  /** Records a fact (or its withdrawal) and its audit entry in one transaction; returns the account's facts now. */
  record(input: MetadataInput): Promise<AccountMetadata>;
}

const SUBJECT_KIND = 'account';

function parseValue(row: DecisionRow): unknown {
  if (row.value === null) return null;
  try {
    return JSON.parse(row.value);
  } catch (error) {
    throw new StoreError(
      'INVALID_DATA',
      `The ${row.kind} recorded for account ${row.subject_key} is damaged.`,
      { id: row.id },
      { cause: error },
    );
  }
}

function apply(metadata: AccountMetadata, row: DecisionRow): void {
  const value = parseValue(row);
  if (value === null) return;
  const fact = { reason: row.reason, actor: row.actor, decidedAt: row.created_at };
  if (row.kind === 'tags' && Array.isArray(value)) {
    metadata.tags = { ...fact, value: value.filter((tag): tag is string => typeof tag === 'string') };
  } else if ((row.kind === 'type' || row.kind === 'owner') && typeof value === 'string') {
    metadata[row.kind] = { ...fact, value };
  } else {
    throw new StoreError('INVALID_DATA', `The ${row.kind} recorded for account ${row.subject_key} is damaged.`, {
      id: row.id,
    });
  }
}

function normalized(change: MetadataChange): MetadataChange {
  if (change.kind === 'tags' && change.value !== null) {
    const tags = [...new Set(change.value.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag.length > 0))];
    return { kind: 'tags', value: tags.sort() };
  }
  if (change.value !== null && typeof change.value === 'string') {
    const text = change.value.trim();
    if (text.length === 0) {
      throw new StoreError('INVALID_DATA', `An account's ${change.kind} cannot be empty; withdraw it instead.`, {
        kind: change.kind,
      });
    }
    return { ...change, value: text } as MetadataChange;
  }
  return change;
}

export function accountMetadataRepository(db: Kysely<WardenDatabase>, clock: Clock): AccountMetadataRepository {
  async function rowsOf(executor: Kysely<WardenDatabase>, guid?: string): Promise<DecisionRow[]> {
    let query = executor
      .selectFrom('decisions')
      .selectAll()
      .where('subject_kind', '=', SUBJECT_KIND)
      .where('kind', 'in', [...METADATA_KINDS]);
    if (guid !== undefined) query = query.where('subject_key', '=', guid);
    return query.orderBy('created_at').orderBy('id').execute();
  }

  function collect(rows: readonly DecisionRow[]): Map<string, AccountMetadata> {
    const result = new Map<string, AccountMetadata>();
    for (const row of latestPerSubject(rows)) {
      const metadata = result.get(row.subject_key) ?? { objectGuid: row.subject_key };
      apply(metadata, row);
      result.set(row.subject_key, metadata);
    }
    return result;
  }

  return {
    async all() {
      return collect(await rowsOf(db));
    },

    async record(input) {
      const reason = input.reason.trim();
      const guid = input.objectGuid.trim().toLowerCase();
      if (reason.length === 0) {
        throw new StoreError('INVALID_DATA', `Changing an account's ${input.change.kind} needs a reason.`, {
          objectGuid: guid,
        });
      }
      const change = normalized(input.change);
      return db.transaction().execute(async (trx) => {
        const row: DecisionRow = {
          id: randomUUID(),
          subject_kind: SUBJECT_KIND,
          subject_key: guid,
          kind: change.kind,
          value: change.value === null ? null : JSON.stringify(change.value),
          reason,
          actor: input.actor,
          created_at: clock().toISOString(),
        };
        const previous = await appendDecisionRow(trx, row);
        await auditRepository(trx, clock).append({
          actor: input.actor,
          action: `account.${change.kind}.${change.value === null ? 'withdraw' : 'set'}`,
          target: `account:${guid}`,
          reason,
          before: previous === undefined ? null : parseValue(previous),
          after: change.value,
          result: 'ok',
        });
        return collect(await rowsOf(trx, guid)).get(guid) ?? { objectGuid: guid };
      });
    },
  };
}
