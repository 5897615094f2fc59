import { normalizeKey } from './match-keys';

/**
 * What a person decided about an account, kept across scans and imports:
 * accounts by objectGUID (it survives renames and moves), people by employee
 * ID (it survives a new HR export):
 * - `confirm`: this account is this employee's, whatever the rules say;
 * - `reject`: this account is not this employee's; no rule may match them again;
 * - `human`: a person's account, even if no one on the HR list is behind it;
 * - `nhi`: a non-human identity, even if a rule matched someone.
 */
export const MATCH_DECISION_KINDS = ['confirm', 'reject', 'human', 'nhi'] as const;
export type MatchDecisionKind = (typeof MATCH_DECISION_KINDS)[number];

export interface MatchDecision {
  accountGuid: string;
  kind: MatchDecisionKind;
  /** For confirm and reject; null for human and nhi. */
  employeeId: string | null;
  reason: string;
  actor: string;
  decidedAt: string;
}

export interface DecisionIndex {
  /** The employee each account was confirmed as (the latest confirmation), by objectGUID. */
  confirmed: ReadonlyMap<string, MatchDecision>;
  /** The employee IDs (compared as keys) each account was said not to be. */
  rejected: ReadonlyMap<string, ReadonlySet<string>>;
  identity: ReadonlyMap<string, MatchDecision>;
}

export const NO_DECISIONS: DecisionIndex = { confirmed: new Map(), rejected: new Map(), identity: new Map() };

/** Indexes the decisions in force; of two confirmations or identities of one account, the later counts. */
export function indexDecisions(decisions: readonly MatchDecision[]): DecisionIndex {
  const confirmed = new Map<string, MatchDecision>();
  const rejected = new Map<string, Set<string>>();
  const identity = new Map<string, MatchDecision>();
  const later = (map: Map<string, MatchDecision>, decision: MatchDecision): void => {
    const earlier = map.get(decision.accountGuid);
    if (earlier === undefined || earlier.decidedAt <= decision.decidedAt) map.set(decision.accountGuid, decision);
  };
  for (const decision of decisions) {
    const guid = decision.accountGuid.toLowerCase();
    const normalized = { ...decision, accountGuid: guid };
    if (decision.kind === 'confirm') later(confirmed, normalized);
    else if (decision.kind === 'human' || decision.kind === 'nhi') later(identity, normalized);
    else {
      const employee = normalizeKey(decision.employeeId);
      if (employee === undefined) continue;
      const set = rejected.get(guid) ?? new Set<string>();
      set.add(employee);
      rejected.set(guid, set);
    }
  }
  return { confirmed, rejected, identity };
}
