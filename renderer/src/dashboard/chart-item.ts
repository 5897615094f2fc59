/** One bar or segment of a dashboard chart: what it counts, its colour, and what choosing it opens. */
export interface ChartItem {
  key: string;
  label: string;
  /** A shorter label for the axis, when the label would not fit under its bar. */
  tick?: string;
  count: number;
  /** A theme token, used as the SVG fill. */
  fill: string;
  /** Opens what the item counts (the Inventory filtered to it); absent when there is nothing to open. */
  onSelect?: () => void;
}

/** "High 10, Medium 35, Low 559": the numbers of a chart in words, for its accessible name. */
export function describeItems(items: readonly ChartItem[]): string {
  return items.map((item) => `${item.label} ${item.count.toLocaleString()}`).join(', ');
}
