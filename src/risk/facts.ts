import type { PrivilegedMembership } from '../inventory/privileged-groups';
import type { AssessmentAccount } from '../store';
import type { RiskPolicy } from './policy-schema';
import type { OwnerVerdict } from './owner';
import type { TypeVerdict } from './classify-type';
import type { UsageVerdict } from './usage';

/** A group an account reaches that the policy marks as holding sensitive data. */
export interface SensitiveReach {
  group: string;
  label: string;
  level: number;
}

/** Everything the risk rules look at for one account: the account and what earlier stages found about it. */
export interface AccountFacts {
  account: AssessmentAccount;
  enabled: boolean;
  type: TypeVerdict;
  isNhi: boolean;
  owner: OwnerVerdict;
  usage: UsageVerdict;
  /** Privileged groups reached, the most severe first, each with its path. */
  privileged: readonly PrivilegedMembership[];
  /** Every group the account belongs to, directly, by nesting or as its primary group. */
  groupCount: number;
  sensitive: readonly SensitiveReach[];
  tags: readonly string[];
  /** The moment ages are measured from: when the snapshot was taken. */
  asOf: number;
  policy: RiskPolicy;
}
