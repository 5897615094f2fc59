import { describe, expect, it } from 'vitest';
import { openStore, type HrRecordInput } from '../../../src/store';
import { expectStoreError, plaintextHits, rawKey, tempStorePath, track } from './helpers';

function person(rowNumber: number, overrides: Partial<HrRecordInput> = {}): HrRecordInput {
  return {
    rowNumber,
    employeeId: `E${rowNumber}`,
    email: `p${rowNumber}@corp.example`,
    firstName: 'Pat',
    lastName: `Person${rowNumber}`,
    displayName: null,
    username: null,
    status: 'active',
    rawStatus: 'Active',
    endDate: null,
    department: 'Finance',
    managerEmail: null,
    ...overrides,
  };
}

describe('HR repository', () => {
  it('has no current list before the first import', async () => {
    const store = track(await openStore({ path: tempStorePath(), key: rawKey(), create: true }));
    expect(await store.hr.current()).toBeUndefined();
    expect(await store.hr.records()).toEqual([]);
    expect(await store.hr.list()).toEqual([]);
  });

  it('stores a list, makes it current and gives its records back in file order', async () => {
    const store = track(await openStore({ path: tempStorePath(), key: rawKey(), create: true }));
    const rows = [person(3, { status: 'terminated', rawStatus: 'Left', endDate: '2025-03-31' }), person(2)];
    const result = await store.hr.replaceCurrent({
      fileName: 'people.csv',
      mapping: { email: 'Mail' },
      rows,
      fileRows: 3,
    });
    expect(result.rowCount).toBe(2);
    const current = await store.hr.current();
    expect(current).toMatchObject({
      id: result.importId,
      fileName: 'people.csv',
      rowCount: 2,
      fileRows: 3,
      mapping: { email: 'Mail' },
      isCurrent: true,
    });
    expect(await store.hr.records()).toEqual([person(2), rows[0]]);
    expect(await store.hr.records(result.importId)).toHaveLength(2);
    expect(await store.hr.records('no-such-import')).toEqual([]);
  });

  it('replaces the current list, keeping the earlier one as history', async () => {
    const store = track(await openStore({ path: tempStorePath(), key: rawKey(), create: true }));
    const first = await store.hr.replaceCurrent({ fileName: 'a.csv', mapping: {}, rows: [person(2)] });
    const second = await store.hr.replaceCurrent({
      fileName: 'b.csv',
      mapping: {},
      rows: (async function* () {
        yield person(2);
        yield person(3);
      })(),
    });
    expect((await store.hr.current())?.id).toBe(second.importId);
    expect(await store.hr.records()).toHaveLength(2);
    expect((await store.hr.get(first.importId))?.isCurrent).toBe(false);
    expect((await store.hr.list()).map((entry) => entry.fileName).sort()).toEqual(['a.csv', 'b.csv']);
  });

  it('leaves the previous list current when an import fails part-way', async () => {
    const store = track(await openStore({ path: tempStorePath(), key: rawKey(), create: true }));
    const first = await store.hr.replaceCurrent({ fileName: 'a.csv', mapping: {}, rows: [person(2)] });
    function* failing(): Generator<HrRecordInput> {
      for (let row = 2; row < 5_000; row += 1) yield person(row);
      throw new Error('disk went away');
    }
    await expect(store.hr.replaceCurrent({ fileName: 'b.csv', mapping: {}, rows: failing() })).rejects.toThrow(
      'disk went away',
    );
    // A row the store refuses is just as fatal.
    await expectStoreError(
      store.hr.replaceCurrent({ fileName: 'c.csv', mapping: {}, rows: [person(2), person(0)] }),
      'INVALID_DATA',
    );
    // And so is the same row number twice.
    await expect(
      store.hr.replaceCurrent({ fileName: 'd.csv', mapping: {}, rows: [person(2), person(2)] }),
    ).rejects.toThrow();
    expect((await store.hr.current())?.id).toBe(first.importId);
    expect(await store.hr.list()).toHaveLength(1);
    expect(await store.hr.records()).toEqual([person(2)]);
  });

  it('saves a mapping per source file name, case-insensitively, and replaces it', async () => {
    const store = track(await openStore({ path: tempStorePath(), key: rawKey(), create: true }));
    expect(await store.hr.mappingFor('people.csv')).toBeUndefined();
    await store.hr.saveMapping('people.csv', { email: 'Mail', dateFormat: 'dmy' });
    expect(await store.hr.mappingFor('PEOPLE.csv')).toEqual({ email: 'Mail', dateFormat: 'dmy' });
    await store.hr.saveMapping('People.CSV', { employeeId: 'Number', department: null });
    expect(await store.hr.mappingFor('people.csv')).toEqual({ employeeId: 'Number', department: null });
    await expectStoreError(store.hr.saveMapping('people.csv', { mail: 'x' } as never), 'INVALID_DATA');
  });

  it('keeps HR data encrypted on disk', async () => {
    const path = tempStorePath();
    const store = await openStore({ path, key: rawKey(), create: true });
    await store.hr.replaceCurrent({
      fileName: 'people.csv',
      mapping: {},
      rows: [person(2, { email: 'zelda.quartermaine@corp.example', lastName: 'Quartermaine' })],
    });
    await store.close();
    expect(plaintextHits(path, ['zelda.quartermaine', 'Quartermaine'])).toEqual([]);
  });
});
