import { adminCount } from './admin-count';
import { asrepRoastable } from './asrep-roastable';
import { broadMembership } from './broad-membership';
import { constrainedDelegation } from './constrained-delegation';
import { dormantEnabled } from './dormant-enabled';
import { kerberoastable } from './kerberoastable';
import { noOwner } from './no-owner';
import { orphaned } from './orphaned';
import { ownerLeaver } from './owner-leaver';
import { passwordNeverExpires } from './password-never-expires';
import { passwordNotRequired } from './password-not-required';
import { privilegedCritical } from './privileged-critical';
import { privilegedHigh } from './privileged-high';
import { privilegedMedium } from './privileged-medium';
import { privilegedPath } from './privileged-path';
import type { RiskRule } from './rule';
import { sensitiveGroup } from './sensitive-group';
import { sensitiveTag } from './sensitive-tag';
import { servicePrincipal } from './service-principal';
import { unconstrainedDelegation } from './unconstrained-delegation';

export type { Evidence, EvidenceValue, RiskRule } from './rule';

/** Every rule, in the order findings are listed: criticality, sensitivity, then impact. */
export const RULES: readonly RiskRule[] = [
  privilegedCritical,
  privilegedHigh,
  privilegedMedium,
  constrainedDelegation,
  servicePrincipal,
  adminCount,
  unconstrainedDelegation,
  sensitiveGroup,
  sensitiveTag,
  privilegedPath,
  broadMembership,
  noOwner,
  kerberoastable,
  asrepRoastable,
  passwordNotRequired,
  passwordNeverExpires,
  dormantEnabled,
  orphaned,
  ownerLeaver,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
