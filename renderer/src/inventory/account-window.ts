import { call } from '../api/warden-client';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { viewObjectGuids } from '../kill-switch/bulk-selection';
import type { AccountQuery, AccountRow, AccountSort } from '../risk/risk-types';

/** Rows asked of the core at a time: the first screenful and its overscan in one reply of some 30 kB. */
export const BLOCK_ROWS = 50;
/** Blocks kept while scrolling; the farthest from the rows in view go first. */
const KEPT_BLOCKS = 40;

export interface WindowState {
  /** How many accounts match; undefined until the first block has come back. */
  total: number | undefined;
  /** The first block has come back: these rows, not the previous query's, are shown. */
  ready: boolean;
  /** Some block is being read. */
  loading: boolean;
  error: WardenApiError | undefined;
}

/**
 * The rows of one query and order, read from the core block by block as the
 * table scrolls to them, so 100k accounts never cross the bridge at once.
 *
 * Until its first block is back, a window shows the rows of the one it
 * replaces: changing a filter never blanks the table. It is an external
 * store (subscribe / getState) for useSyncExternalStore; nothing it does
 * happens during render.
 */
export class AccountWindow {
  private readonly blocks = new Map<number, readonly AccountRow[]>();
  private readonly pending = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private state: WindowState = { total: undefined, ready: false, loading: false, error: undefined };
  private snapshotId: string | undefined;
  /** The window shown until this one is ready; only a ready one, so the chain never grows. */
  private previous: AccountWindow | undefined;

  constructor(
    readonly query: AccountQuery,
    readonly sort: AccountSort,
    previous?: AccountWindow,
  ) {
    this.previous = previous?.state.ready ? previous : previous?.previous;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): WindowState => this.state;

  /** Rows to show: this window's once ready, else the previous one's. */
  get total(): number {
    return (this.state.ready ? this.state.total : this.previous?.total) ?? 0;
  }

  rowAt(index: number): AccountRow | undefined {
    if (!this.state.ready) return this.previous?.rowAt(index);
    return this.blocks.get(Math.floor(index / BLOCK_ROWS))?.[index % BLOCK_ROWS];
  }

  /**
   * The objectGUIDs of rows `first` to `last` (both included): from the
   * blocks held when they hold them all, else asked of the core, so a span
   * across rows never drawn (or forgotten since) is whole.
   */
  async objectGuidsBetween(first: number, last: number): Promise<string[]> {
    const held: string[] = [];
    for (let index = first; index <= last; index += 1) {
      const row = this.rowAt(index);
      if (row === undefined) {
        return viewObjectGuids(this.query, { sort: this.sort, offset: first, count: last - first + 1 });
      }
      held.push(row.objectGuid);
    }
    return held;
  }

  /** Reads the blocks that hold rows `first` to `last` (both included) and are not known or on their way. */
  ensure(first: number, last: number): void {
    const total = this.state.total;
    const lastRow = total === undefined ? Math.max(first, last) : Math.min(last, total - 1);
    if (lastRow < 0 && total !== undefined) return;
    const from = Math.floor(Math.max(first, 0) / BLOCK_ROWS);
    const to = Math.max(from, Math.floor(Math.max(lastRow, 0) / BLOCK_ROWS));
    for (let block = from; block <= to; block += 1) {
      if (!this.blocks.has(block) && !this.pending.has(block)) void this.read(block);
    }
    this.forgetFarFrom((from + to) / 2);
  }

  private forgetFarFrom(centre: number): void {
    if (this.blocks.size <= KEPT_BLOCKS) return;
    const byDistance = [...this.blocks.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const block of byDistance.slice(0, this.blocks.size - KEPT_BLOCKS)) this.blocks.delete(block);
  }

  private async read(block: number): Promise<void> {
    this.pending.add(block);
    this.update({ loading: true });
    try {
      const page = await call('listAssessedAccounts', {
        ...this.query,
        sort: this.sort,
        offset: block * BLOCK_ROWS,
        limit: BLOCK_ROWS,
      });
      // A scan made meanwhile gives another snapshot: rows of the old one must not sit beside the new.
      if (this.snapshotId !== undefined && page.snapshotId !== this.snapshotId) this.blocks.clear();
      this.snapshotId = page.snapshotId;
      this.blocks.set(block, page.rows);
      this.pending.delete(block);
      if (!this.state.ready) this.previous = undefined;
      this.update({ total: page.total, ready: true, loading: this.pending.size > 0, error: undefined });
    } catch (caught) {
      this.pending.delete(block);
      this.update({ loading: this.pending.size > 0, error: toWardenApiError(caught) });
    }
  }

  private update(change: Partial<WindowState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}
