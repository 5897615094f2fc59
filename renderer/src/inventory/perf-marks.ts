/**
 * User Timing marks around what the Inventory promises to be quick at: the
 * first rows after the page is opened, and new rows after a filter changes.
 * They show in the browser's performance panel, and the console benchmark
 * reads them (`performance.getEntriesByName(…, 'measure')`).
 */

/** Set by the shell whenever the user goes to a page: where the first rows are timed from. */
export const NAVIGATED = 'warden:navigated';
/** Set when the criteria or the order change: where new rows are timed from. */
export const FILTER_CHANGED = 'warden:inventory-filter-changed';

export const FIRST_ROWS = 'warden:inventory-first-rows';
export const FILTER_ROWS = 'warden:inventory-filter';

const START_OF: Record<string, string> = { [FIRST_ROWS]: NAVIGATED, [FILTER_ROWS]: FILTER_CHANGED };

export function mark(name: string): void {
  performance.mark(name);
}

/**
 * Ends a measure once the frame showing the rows has been painted (the task
 * after the next frame), from the latest mark it starts at; nothing when that
 * mark was never set (the page opened some other way).
 */
export function measurePainted(name: string): void {
  const start = START_OF[name];
  requestAnimationFrame(() => {
    window.setTimeout(() => {
      if (start === undefined || performance.getEntriesByName(start, 'mark').length === 0) return;
      performance.measure(name, start);
    }, 0);
  });
}
