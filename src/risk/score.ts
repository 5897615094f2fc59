import type { AccountFacts } from './facts';
import type { RiskPolicy } from './policy-schema';
import type { Evidence, RiskRule } from './rules';
import type { RiskFactor, RiskTier } from './vocabulary';

/** One rule that fired on an account: the `reasons` of the accounts contract. */
export interface Finding {
  id: string;
  title: string;
  factor: RiskFactor;
  effect: RiskRule['effect'];
  /** The level set or the points added, after the policy's weight. */
  weight: number;
  evidence: Evidence;
}

export interface RiskVerdict {
  risk: RiskTier;
  /** criticality + sensitivity + impact, 3 to 15. */
  score: number;
  factors: Record<RiskFactor, number>;
  reasons: Finding[];
}

const MIN_LEVEL = 1;
const MAX_LEVEL = 5;

export function weightOf(rule: RiskRule, policy: RiskPolicy): number | undefined {
  const setting = policy.risk.rules[rule.id];
  if (setting === undefined) return rule.defaultWeight;
  return setting.enabled ? setting.weight : undefined;
}

/** The weights of a rule list under one policy, looked up once per policy rather than once per account. */
const weightCache = new WeakMap<RiskPolicy, { rules: readonly RiskRule[]; weights: (number | undefined)[] }>();

function weightsFor(rules: readonly RiskRule[], policy: RiskPolicy): (number | undefined)[] {
  const cached = weightCache.get(policy);
  if (cached?.rules === rules) return cached.weights;
  const weights = rules.map((rule) => weightOf(rule, policy));
  weightCache.set(policy, { rules, weights });
  return weights;
}

export function tierOf(score: number, thresholds: RiskPolicy['risk']['thresholds']): RiskTier {
  if (score >= thresholds.high) return 'high';
  return score >= thresholds.medium ? 'medium' : 'low';
}

/**
 * Scores one account: each factor is the highest level its `level` rules
 * found (1 when none fired) plus the points of its hygiene findings, kept
 * within 1–5; the score is the sum of the three factors and the policy's
 * thresholds turn it into a tier.
 */
export function scoreAccount(facts: AccountFacts, rules: readonly RiskRule[]): RiskVerdict {
  const weights = weightsFor(rules, facts.policy);
  const levels: Record<RiskFactor, number> = { criticality: MIN_LEVEL, sensitivity: MIN_LEVEL, impact: MIN_LEVEL };
  const points: Record<RiskFactor, number> = { criticality: 0, sensitivity: 0, impact: 0 };
  const reasons: Finding[] = [];
  for (let index = 0; index < rules.length; index += 1) {
    const rule = rules[index] as RiskRule;
    const configured = weights[index];
    if (configured === undefined) continue;
    const evidence = rule.evaluate(facts);
    if (evidence === undefined) continue;
    const weight = evidence.level ?? configured;
    if (rule.effect === 'level') levels[rule.factor] = Math.max(levels[rule.factor], weight);
    else points[rule.factor] += weight;
    reasons.push({ id: rule.id, title: rule.title, factor: rule.factor, effect: rule.effect, weight, evidence });
  }
  const clamp = (factor: RiskFactor) => Math.min(MAX_LEVEL, Math.max(MIN_LEVEL, levels[factor] + points[factor]));
  const factors: Record<RiskFactor, number> = {
    criticality: clamp('criticality'),
    sensitivity: clamp('sensitivity'),
    impact: clamp('impact'),
  };
  const score = factors.criticality + factors.sensitivity + factors.impact;
  return { risk: tierOf(score, facts.policy.risk.thresholds), score, factors, reasons };
}
