import type { AccountFacts } from '../facts';
import type { RiskFactor } from '../vocabulary';

export type EvidenceValue = string | number | boolean | null | string[];

/** What a rule found, in words an administrator can check against the directory. */
export interface Evidence {
  summary: string;
  details?: Record<string, EvidenceValue>;
  /** A level the finding itself carries (a sensitive group's level from the policy), over the rule's weight. */
  level?: number;
}

/**
 * One risk rule. A `level` rule sets its factor to at least its weight (the
 * factor is the highest level found); a `points` rule is a hygiene finding
 * that adds its weight to the factor. Weights and on/off live in the policy.
 */
export interface RiskRule {
  id: string;
  title: string;
  rationale: string;
  remediation: string;
  factor: RiskFactor;
  effect: 'level' | 'points';
  /** The weight when the policy does not name the rule. */
  defaultWeight: number;
  evaluate(facts: AccountFacts): Evidence | undefined;
}
