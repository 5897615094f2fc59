import { describe, expect, it } from 'vitest';
import {
  ALL_MATCHING,
  headerState,
  isSelected,
  NO_ROWS,
  selectedCount,
  selectionChoice,
  spanBetween,
  withRows,
} from '../../../renderer/src/inventory/row-selection';

const criteria = { type: ['service' as const] };

describe('the rows ticked in the Inventory', () => {
  it('ticks and unticks rows by objectGUID, whatever was drawn', () => {
    const two = withRows(NO_ROWS, ['a', 'b'], true);
    expect(isSelected(two, 'a')).toBe(true);
    expect(isSelected(two, 'c')).toBe(false);
    expect(selectedCount(two, 100)).toBe(2);
    const one = withRows(two, ['a'], false);
    expect(isSelected(one, 'a')).toBe(false);
    expect(selectedCount(one, 100)).toBe(1);
    // Ticking a row twice keeps it once; unticking a row never ticked changes nothing.
    expect(selectedCount(withRows(one, ['b', 'b'], true), 100)).toBe(1);
    expect(selectedCount(withRows(one, ['z'], false), 100)).toBe(1);
    // The selection given is left as it was.
    expect(selectedCount(two, 100)).toBe(2);
  });

  it('selects every matching account, drawn or not, less the rows unticked since', () => {
    expect(isSelected(ALL_MATCHING, 'never-drawn')).toBe(true);
    expect(selectedCount(ALL_MATCHING, 2000)).toBe(2000);
    const less = withRows(ALL_MATCHING, ['a', 'b'], false);
    expect(isSelected(less, 'a')).toBe(false);
    expect(isSelected(less, 'c')).toBe(true);
    expect(selectedCount(less, 2000)).toBe(1998);
    const back = withRows(less, ['a'], true);
    expect(selectedCount(back, 2000)).toBe(1999);
    expect(selectedCount(withRows(ALL_MATCHING, ['a', 'b', 'c'], false), 2)).toBe(0);
  });

  it('shows the header box ticked, mixed or empty', () => {
    expect(headerState(NO_ROWS, 10)).toBe(false);
    expect(headerState(withRows(NO_ROWS, ['a'], true), 10)).toBe('mixed');
    expect(headerState(withRows(NO_ROWS, ['a', 'b'], true), 2)).toBe(true);
    expect(headerState(ALL_MATCHING, 10)).toBe(true);
    expect(headerState(withRows(ALL_MATCHING, ['a'], false), 10)).toBe('mixed');
    expect(headerState(ALL_MATCHING, 0)).toBe(false);
  });

  it('spans from the anchor to the row, in either direction, or the row alone without one', () => {
    expect(spanBetween(3, 7)).toEqual({ first: 3, last: 7 });
    expect(spanBetween(7, 3)).toEqual({ first: 3, last: 7 });
    expect(spanBetween(undefined, 5)).toEqual({ first: 5, last: 5 });
  });

  it('hands a bulk action the rows named, or the criteria to resolve when acted on', () => {
    expect(selectionChoice(withRows(NO_ROWS, ['a', 'b'], true), criteria)).toEqual({
      kind: 'selection',
      objectGuids: ['a', 'b'],
      criteria,
    });
    expect(selectionChoice(withRows(ALL_MATCHING, ['a'], false), criteria)).toEqual({
      kind: 'query',
      criteria,
      except: ['a'],
    });
  });
});
