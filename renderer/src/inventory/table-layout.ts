import { COLUMN_TRACKS } from './inventory-columns';
import type { InventoryColumn } from './inventory-types';

/** Every row has this height, so the virtualizer knows where row 80,000 starts without drawing any before it. */
export const ROW_HEIGHT = 48;
export const HEADER_HEIGHT = 40;
/** The leading column of selection boxes, before the columns chosen. */
const SELECT_WIDTH = 44;

/** The grid of the header and every row: the selection boxes, then one track per column shown. */
export function gridTemplate(columns: readonly InventoryColumn[]): string {
  return [`${SELECT_WIDTH}px`, ...columns.map((column) => COLUMN_TRACKS[column])].join(' ');
}

/** The narrowest the columns shown can be: below it the table scrolls sideways rather than squeeze them. */
export function minimumWidth(columns: readonly InventoryColumn[]): number {
  return columns.reduce(
    (sum, column) => sum + Number(/minmax\((\d+)px/.exec(COLUMN_TRACKS[column])?.[1] ?? 0),
    SELECT_WIDTH,
  );
}
