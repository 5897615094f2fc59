import { tokens } from '@fluentui/react-components';
import type { CSSProperties } from 'react';

/** Recharts draws its own text and tooltips: these give them the theme's colours and type. */
export const axisTick = { fill: tokens.colorNeutralForeground2, fontSize: 12 };
export const axisLine = { stroke: tokens.colorNeutralStroke1 };
export const gridStroke = tokens.colorNeutralStroke2;

export const tooltipStyle: CSSProperties = {
  backgroundColor: tokens.colorNeutralBackground1,
  border: `1px solid ${tokens.colorNeutralStroke1}`,
  borderRadius: tokens.borderRadiusMedium,
  color: tokens.colorNeutralForeground1,
  fontSize: 12,
};
export const tooltipItemStyle: CSSProperties = { color: tokens.colorNeutralForeground1 };
export const tooltipCursor = { fill: tokens.colorSubtleBackgroundHover };

export const CHART_HEIGHT = 220;
