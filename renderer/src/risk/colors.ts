import { tokens } from '@fluentui/react-components';
import type { OwnerStatus, RiskTier } from './risk-types';

/** Theme tokens (CSS variables), so the charts follow the light and dark themes. */
export const TIER_COLORS: Record<RiskTier, string> = {
  high: tokens.colorPaletteRedBackground3,
  medium: tokens.colorPaletteMarigoldBackground3,
  low: tokens.colorPaletteGreenBackground3,
};

export const OWNER_STATUS_COLORS: Record<OwnerStatus, string> = {
  active: tokens.colorPaletteGreenBackground3,
  leaver: tokens.colorPaletteMarigoldBackground3,
  missing: tokens.colorPaletteRedBackground3,
};

export const TIER_BADGE_COLORS: Record<RiskTier, 'danger' | 'warning' | 'success'> = {
  high: 'danger',
  medium: 'warning',
  low: 'success',
};

export const SERIES_COLORS = {
  nhi: tokens.colorBrandBackground,
  human: tokens.colorPaletteLavenderBackground2,
  employees: tokens.colorNeutralForeground3,
  bar: tokens.colorBrandBackground,
  never: tokens.colorNeutralForeground3,
} as const;
