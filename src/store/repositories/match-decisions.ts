import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { normalizeKey } from '../../hr/match-keys';
import type { MatchDecision, MatchDecisionKind } from '../../hr/match-decisions';
import type { Clock } from '../clock';
import { StoreError } from '../errors';
import type { DecisionRow, WardenDatabase } from '../schema';
import { auditRepository } from './audit';
import { appendDecisionRow, latestPerSubject } from './decision-rows';

/**
 * Decisions about who is behind an account, in the decisions table:
 * - an account and an employee (confirm, reject): subject_kind
 *   'account-employee', subject_key "<objectGUID>/<employee ID, lower-case>",
 *   kind 'hr-match', value {"verdict","employeeId"};
 * - an account alone (human, nhi): subject_kind 'account', subject_key the
 *   objectGUID, kind 'hr-identity', value {"identity"}.
 * Rows are only ever added; the latest row of a subject is the one in force,
 * and a row with a null value withdraws the decision before it.
 */
const PAIR = { subjectKind: 'account-employee', kind: 'hr-match' } as const;
const IDENTITY = { subjectKind: 'account', kind: 'hr-identity' } as const;

export interface MatchDecisionInput {
  accountGuid: string;
  /** `withdraw` removes the decision in force: about the pair when employeeId is given, else the identity. */
  kind: MatchDecisionKind | 'withdraw';
  employeeId?: string | null;
  reason: string;
  actor: string;
}

export interface MatchDecisionsRepository {
  /** The decisions in force, oldest first. */
  inForce(): Promise<MatchDecision[]>;
  /**
   * Records a decision and its audit log entry in one transaction. Returns
   * the decision now in force for that subject (null after a withdrawal).
   */
  record(input: MatchDecisionInput): Promise<MatchDecision | null>;
}

interface Stored {
  verdict?: 'confirm' | 'reject';
  employeeId?: string;
  identity?: 'human' | 'nhi';
}

function toDecision(row: DecisionRow): MatchDecision | null {
  if (row.value === null) return null;
  const value = JSON.parse(row.value) as Stored;
  const isPair = row.subject_kind === PAIR.subjectKind;
  const kind = isPair ? value.verdict : value.identity;
  if (kind === undefined) {
    throw new StoreError('INVALID_DATA', `Decision ${row.id} about ${row.subject_key} is damaged.`, { id: row.id });
  }
  return {
    accountGuid: isPair ? (row.subject_key.split('/')[0] ?? '') : row.subject_key,
    kind,
    employeeId: isPair ? (value.employeeId ?? null) : null,
    reason: row.reason,
    actor: row.actor,
    decidedAt: row.created_at,
  };
}

function subjectOf(input: MatchDecisionInput): { subjectKind: string; subjectKey: string; kind: string } {
  const guid = input.accountGuid.toLowerCase();
  const employee = normalizeKey(input.employeeId);
  const aboutPair =
    input.kind === 'confirm' || input.kind === 'reject' || (input.kind === 'withdraw' && employee !== undefined);
  if (!aboutPair) return { subjectKind: IDENTITY.subjectKind, subjectKey: guid, kind: IDENTITY.kind };
  if (employee === undefined) {
    throw new StoreError('INVALID_DATA', `A decision to ${input.kind} a match needs an employee ID.`, {
      accountGuid: guid,
    });
  }
  return { subjectKind: PAIR.subjectKind, subjectKey: `${guid}/${employee}`, kind: PAIR.kind };
}

function valueOf(input: MatchDecisionInput): string | null {
  switch (input.kind) {
    case 'withdraw':
      return null;
    case 'confirm':
    case 'reject':
      return JSON.stringify({ verdict: input.kind, employeeId: input.employeeId?.trim() });
    default:
      return JSON.stringify({ identity: input.kind });
  }
}

export function matchDecisionsRepository(db: Kysely<WardenDatabase>, clock: Clock): MatchDecisionsRepository {
  return {
    async inForce() {
      const rows = await db
        .selectFrom('decisions')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([eb('subject_kind', '=', PAIR.subjectKind), eb('kind', '=', PAIR.kind)]),
            eb.and([eb('subject_kind', '=', IDENTITY.subjectKind), eb('kind', '=', IDENTITY.kind)]),
          ]),
        )
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return latestPerSubject(rows)
        .map(toDecision)
        .filter((decision) => decision !== null);
    },

    async record(input) {
      const reason = input.reason.trim();
      if (reason.length === 0) {
        throw new StoreError('INVALID_DATA', 'A decision needs a reason.', { accountGuid: input.accountGuid });
      }
      const subject = subjectOf(input);
      const value = valueOf(input);
      // The decision is written first, so the transaction holds the write lock before it reads
      // anything: the previous decision and the audit chain's last hash cannot change under it.
      return db.transaction().execute(async (trx) => {
        const row: DecisionRow = {
          id: randomUUID(),
          subject_kind: subject.subjectKind,
          subject_key: subject.subjectKey,
          kind: subject.kind,
          value,
          reason,
          actor: input.actor,
          created_at: clock().toISOString(),
        };
        const previous = await appendDecisionRow(trx, row);
        const before = previous === undefined ? null : toDecision(previous);
        const after = toDecision(row);
        await auditRepository(trx, clock).append({
          actor: input.actor,
          action: `hr.match-decision.${input.kind}`,
          target: `account:${subject.subjectKey}`,
          reason,
          before,
          after,
          result: 'ok',
        });
        return after;
      });
    },
  };
}
