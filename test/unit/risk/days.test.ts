import { describe, expect, it } from 'vitest';
import { daysBefore, isoMs } from '../../../src/risk/days';

describe('isoMs', () => {
  it('reads the stored form exactly as Date.parse does', () => {
    for (const iso of [
      '2024-05-01T12:34:56.789Z',
      '1601-01-01T00:00:00.000Z',
      '2000-02-29T23:59:59.999Z',
      '2030-12-31T00:00:00.000Z',
    ]) {
      expect(isoMs(iso)).toBe(Date.parse(iso));
    }
  });

  it('leaves any other form to Date.parse', () => {
    expect(isoMs('2024-05-01T12:34:56Z')).toBe(Date.parse('2024-05-01T12:34:56Z'));
    expect(isoMs('2024-05-01T12:34:56.789+02:00')).toBe(Date.parse('2024-05-01T12:34:56.789+02:00'));
    expect(isoMs('2024-0x-01T12:34:56.789Z')).toBeNaN();
    expect(isoMs('not a date')).toBeNaN();
  });
});

describe('daysBefore', () => {
  const asOf = Date.parse('2026-06-15T00:00:00.000Z');

  it('counts whole days back from the snapshot, negative for a later time', () => {
    expect(daysBefore('2026-06-14T00:00:00.000Z', asOf)).toBe(1);
    expect(daysBefore('2026-06-14T00:00:00.001Z', asOf)).toBe(0);
    expect(daysBefore('2026-06-16T00:00:00.000Z', asOf)).toBe(-1);
  });

  it('has no answer for no time or an unreadable one', () => {
    expect(daysBefore(null, asOf)).toBeUndefined();
    expect(daysBefore('soon', asOf)).toBeUndefined();
  });
});
