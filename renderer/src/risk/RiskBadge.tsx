import { Badge } from '@fluentui/react-components';
import { TIER_BADGE_COLORS } from './colors';
import { TIER_LABELS } from './labels';
import type { RiskTier } from './risk-types';

/** A risk tier and its score, e.g. "High · 11". */
export function RiskBadge({ risk, score }: { risk: RiskTier; score: number }) {
  return (
    <Badge appearance="tint" color={TIER_BADGE_COLORS[risk]}>
      {TIER_LABELS[risk]} · {score}
    </Badge>
  );
}
