import { makeStyles } from '@fluentui/react-components';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartItem } from './chart-item';
import {
  axisLine,
  axisTick,
  CHART_HEIGHT,
  gridStroke,
  tooltipCursor,
  tooltipItemStyle,
  tooltipStyle,
} from './chart-theme';

const useStyles = makeStyles({
  clickable: { cursor: 'pointer' },
});

interface Props {
  items: readonly ChartItem[];
  /** Bars along the vertical axis, for long labels such as account types. */
  horizontal?: boolean;
  /** What a bar counts, for the tooltip. */
  unit: string;
  /** What the category axis measures, written under it. */
  axisLabel?: string;
}

/** Bars of counts; a click on a bar opens what it counts. */
export function CountBarChart({ items, horizontal = false, unit, axisLabel }: Props) {
  const styles = useStyles();
  const height = horizontal ? Math.max(CHART_HEIGHT, items.length * 26 + 30) : CHART_HEIGHT;
  return (
    <BarChart
      responsive
      accessibilityLayer={false}
      data={items.map((item) => ({ ...item, tick: item.tick ?? item.label }))}
      layout={horizontal ? 'vertical' : 'horizontal'}
      margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
      style={{ width: '100%', height }}
    >
      <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
      {horizontal ? (
        <>
          <XAxis type="number" allowDecimals={false} tick={axisTick} axisLine={axisLine} tickLine={axisLine} />
          <YAxis
            type="category"
            dataKey="label"
            width={130}
            interval={0}
            tick={axisTick}
            axisLine={axisLine}
            tickLine={axisLine}
          />
        </>
      ) : (
        <>
          <XAxis
            dataKey="tick"
            interval={0}
            tick={axisTick}
            axisLine={axisLine}
            tickLine={axisLine}
            height={axisLabel === undefined ? 30 : 44}
            label={
              axisLabel === undefined
                ? undefined
                : { value: axisLabel, position: 'insideBottom', fill: axisTick.fill, fontSize: axisTick.fontSize }
            }
          />
          <YAxis allowDecimals={false} width={40} tick={axisTick} axisLine={axisLine} tickLine={axisLine} />
        </>
      )}
      <Tooltip contentStyle={tooltipStyle} itemStyle={tooltipItemStyle} cursor={tooltipCursor} />
      <Bar
        dataKey="count"
        name={unit}
        className={styles.clickable}
        onClick={(_bar, index) => items[index]?.onSelect?.()}
      />
    </BarChart>
  );
}
