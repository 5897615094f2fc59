import { makeStyles, tokens } from '@fluentui/react-components';
import { Pie, PieChart, Tooltip } from 'recharts';
import type { ChartItem } from './chart-item';
import { CHART_HEIGHT, tooltipItemStyle, tooltipStyle } from './chart-theme';

const useStyles = makeStyles({
  clickable: { cursor: 'pointer' },
});

/** A ring of counts; a click on a segment opens what it counts. */
export function CountPieChart({ items }: { items: readonly ChartItem[] }) {
  const styles = useStyles();
  return (
    <PieChart responsive accessibilityLayer={false} style={{ width: '100%', height: CHART_HEIGHT }}>
      <Pie
        data={[...items]}
        dataKey="count"
        nameKey="label"
        innerRadius="55%"
        outerRadius="90%"
        stroke={tokens.colorNeutralBackground1}
        className={styles.clickable}
        onClick={(_sector, index) => items[index]?.onSelect?.()}
      />
      <Tooltip contentStyle={tooltipStyle} itemStyle={tooltipItemStyle} />
    </PieChart>
  );
}
