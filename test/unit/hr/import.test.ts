import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HrFilePreviewSchema } from '../../../src/api/hr-schemas';
import { importHrFile, previewHrFile } from '../../../src/hr';
import { HrImportError } from '../../../src/hr/errors';
import { openStore, type Store } from '../../../src/store';
import { rawKey, tempStorePath, track } from '../store/helpers';
import { encode, workbook } from './files';

async function newStore(): Promise<Store> {
  return track(await openStore({ path: tempStorePath(), key: rawKey(), create: true }));
}

function bytes(fileName: string, text: string): { fileName: string; bytes: Uint8Array } {
  return { fileName, bytes: Buffer.from(text) };
}

async function failure(promise: Promise<unknown>): Promise<HrImportError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof HrImportError)) throw new Error(`expected an HrImportError, got ${String(error)}`);
  return error;
}

describe('importing an HR list', () => {
  it('imports the demo HR file with zero errors', async () => {
    const store = await newStore();
    const result = await importHrFile(store, { path: 'resources/demo/corp-demo-hr.csv' });
    expect(result).toMatchObject({ rows: 430, imported: 430, errors: [], warnings: [], format: 'csv' });
    const records = await store.hr.records();
    expect(records).toHaveLength(430);
    expect(new Set(records.map((record) => record.status))).toEqual(new Set(['active', 'leave', 'terminated']));
    const leaver = records.find((record) => record.status === 'terminated');
    expect(leaver?.endDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await store.hr.current())?.id).toBe(result.importId);
  });

  it('lists invalid rows with row, column, value and reason, and imports the others', async () => {
    const store = await newStore();
    const text = [
      'Employee ID,First Name,Last Name,Email,Status,End Date,Manager Email',
      'E1,Ann,Lee,ann@corp.example,Active,,',
      'E2,Bob,Ray,bob@,Active,,',
      ',,,,Active,,',
      'E4,Cy,Day,cy@corp.example,Terminated,yesterday,',
      'E1,Dup,Licate,dup@corp.example,Active,,',
      'E6,Eve,,eve@corp.example,Gone fishing,2025-02-30,',
      'E7,Fay,Fox,fay@corp.example,Left,2025-01-31,boss@corp',
      'E8,,,gus@corp.example,Active,,',
      'E9,Hal,Ito,ANN@corp.example,Active,,',
    ].join('\n');
    const result = await importHrFile(store, bytes('people.csv', text));
    expect(result.rows).toBe(9);
    expect(result.imported).toBe(2);
    expect(result.errors).toEqual([
      { row: 3, column: 'Email', value: 'bob@', message: 'not an e-mail address' },
      {
        row: 4,
        column: 'Employee ID',
        value: '',
        message: 'no employee ID and no e-mail: the row cannot be matched to an account',
      },
      { row: 4, column: 'First Name', value: '', message: 'no name and no username' },
      {
        row: 5,
        column: 'End Date',
        value: 'yesterday',
        message: '"yesterday" is not a date (expected e.g. 2025-03-31, 03/31/2025 or 31.03.2025)',
      },
      {
        row: 6,
        column: 'Employee ID',
        value: 'E1',
        message: 'employee ID "E1" is already on row 2; this row is skipped',
        otherRow: 2,
      },
      { row: 7, column: 'End Date', value: '2025-02-30', message: '"2025-02-30" is not a day of the calendar' },
      { row: 8, column: 'Manager Email', value: 'boss@corp', message: 'not an e-mail address' },
      { row: 9, column: 'First Name', value: '', message: 'no name and no username' },
    ]);
    expect(result.errorCount).toBe(8);
    expect(result.warnings).toEqual([
      { row: 10, column: 'Email', value: 'ANN@corp.example', message: 'e-mail also on row 2', otherRow: 2 },
    ]);
    expect((await store.hr.records()).map((record) => record.employeeId)).toEqual(['E1', 'E9']);
  });

  it('keeps a row with a status it does not know, as "unknown", with a warning', async () => {
    const store = await newStore();
    const result = await importHrFile(store, bytes('p.csv', 'Email,Name,Status\na@corp.example,Ann,Gone fishing\n'));
    expect(result.imported).toBe(1);
    expect(result.warnings[0]).toMatchObject({ row: 2, column: 'Status', value: 'Gone fishing' });
    expect((await store.hr.records())[0]).toMatchObject({ status: 'unknown', rawStatus: 'Gone fishing' });
  });

  describe('dates whose day and month could be either way round', () => {
    const file = (dates: string[]): { fileName: string; bytes: Uint8Array } =>
      bytes('p.csv', ['Email,Name,End Date', ...dates.map((date, i) => `p${i}@corp.example,P${i},${date}`)].join('\n'));

    it('reads them month-first by default with slashes, and says so', async () => {
      const store = await newStore();
      const result = await importHrFile(store, file(['03/04/2025']));
      expect((await store.hr.records())[0]?.endDate).toBe('2025-03-04');
      expect(result.dateOrder).toEqual({ order: 'mdy', source: 'default' });
      expect(result.warnings[0]?.message).toMatch(/read as MM\/DD\/YYYY\. If that is wrong, set "dateFormat": "dmy"/);
    });

    it('reads them day-first by default with dots', async () => {
      const store = await newStore();
      await importHrFile(store, file(['03.04.2025']));
      expect((await store.hr.records())[0]?.endDate).toBe('2025-04-03');
    });

    it('follows what the file proves, even from a row skipped for another reason', async () => {
      const store = await newStore();
      const text = 'Email,Name,End Date\na@corp.example,Ann,03/04/2025\nbad,Bob,31/12/2024\n';
      const result = await importHrFile(store, bytes('p.csv', text));
      expect(result.dateOrder).toEqual({ order: 'dmy', source: 'file' });
      expect(result.warnings).toEqual([]);
      expect((await store.hr.records())[0]?.endDate).toBe('2025-04-03');
    });

    it('follows the mapping', async () => {
      const store = await newStore();
      const result = await importHrFile(store, { ...file(['03/04/2025']), mapping: { dateFormat: 'dmy' } });
      expect(result.dateOrder).toEqual({ order: 'dmy', source: 'mapping' });
      expect((await store.hr.records())[0]?.endDate).toBe('2025-04-03');
    });

    it('refuses a file that proves both', async () => {
      const store = await newStore();
      const error = await failure(importHrFile(store, file(['31/03/2025', '03/04/2025', '12/31/2025'])));
      expect(error.code).toBe('CONFLICTING_DATE_FORMATS');
      expect(error.message).toBe(
        'p.csv: column "End Date" mixes day-first dates (row 2: "31/03/2025") and month-first dates (row 4: "12/31/2025"). Correct the file, or set "dateFormat" in the mapping to "dmy" or "mdy".',
      );
    });
  });

  it('imports an XLSX workbook, dates as dates and serial numbers', async () => {
    const store = await newStore();
    const book = await workbook({
      Staff: [
        ['Staff ID', 'Given Name', 'Surname', 'E-mail Address', 'Employee Status', 'Last Day'],
        [1001, 'Ann', 'Lee', 'ann@corp.example', 'Active', null],
        [1002, 'Bob', 'Ray', 'bob@corp.example', 'Terminated', new Date(Date.UTC(2025, 2, 31))],
        [1003, 'Cy', 'Day', 'cy@corp.example', 'Terminated', 45658],
      ],
    });
    const result = await importHrFile(store, { fileName: 'staff.xlsx', bytes: book });
    expect(result).toMatchObject({ rows: 3, imported: 3, errors: [], format: 'xlsx', sheet: 'Staff' });
    const records = await store.hr.records();
    expect(records.map((record) => [record.employeeId, record.endDate])).toEqual([
      ['1001', null],
      ['1002', '2025-03-31'],
      ['1003', '2025-01-01'],
    ]);
  });

  it('imports every encoding the same way', async () => {
    const text = 'Employee ID\tName\tEmail\r\nE1\tZoë\tzoe@corp.example\r\n';
    for (const [encoding, bom] of [
      ['utf-8', true],
      ['utf-16le', true],
      ['utf-16be', true],
    ] as const) {
      const store = await newStore();
      const result = await importHrFile(store, { fileName: 'p.txt', bytes: encode(text, encoding, bom) });
      expect(result.imported).toBe(1);
      expect((await store.hr.records())[0]?.displayName).toBe('Zoë');
    }
  });

  it('saves the mapping per file name and reuses it; a given mapping wins', async () => {
    const store = await newStore();
    const text = 'Number,Who,Mail,Personal Mail\nE1,Ann,ann@corp.example,ann@home.example\n';
    const first = await importHrFile(store, {
      ...bytes('export.csv', text),
      mapping: { employeeId: 'Number', displayName: 'Who', email: 'Personal Mail' },
    });
    expect(first.mapping).toEqual({ employeeId: 'Number', email: 'Personal Mail', displayName: 'Who' });
    expect(await store.hr.mappingFor('export.csv')).toEqual(first.mapping);

    const again = await importHrFile(store, bytes('EXPORT.csv', text));
    expect(again.mapping).toEqual(first.mapping);
    expect((await store.hr.records())[0]?.email).toBe('ann@home.example');

    const other = await importHrFile(store, { ...bytes('export.csv', text), mapping: { email: 'Mail' } });
    expect((await store.hr.records())[0]?.email).toBe('ann@corp.example');
    expect(other.mapping.email).toBe('Mail');

    await importHrFile(store, { ...bytes('elsewhere.csv', 'Mail,Name\nx@corp.example,X\n'), saveMapping: false });
    expect(await store.hr.mappingFor('elsewhere.csv')).toBeUndefined();
  });

  it('fails a file-level error without touching the current list', async () => {
    const store = await newStore();
    const first = await importHrFile(store, { path: 'resources/demo/corp-demo-hr.csv' });
    const attempts: [() => Promise<unknown>, string][] = [
      [() => importHrFile(store, bytes('p.csv', 'Department,Title\nSales,Rep\n')), 'MISSING_COLUMNS'],
      [() => importHrFile(store, bytes('p.csv', 'Email,Name\n')), 'NO_ROWS'],
      [() => importHrFile(store, bytes('p.csv', 'Email,Name\nnot-an-email,Ann\n')), 'NO_VALID_ROWS'],
      [() => importHrFile(store, bytes('p.pdf', '%PDF-1.4\n')), 'UNSUPPORTED_FORMAT'],
      // Found while the import's transaction is open (the store's own test covers thousands of rows written first):
      [
        () =>
          importHrFile(
            store,
            bytes('p.csv', `Email,Name,End Date\na@corp.example,A,31/01/2025\nb@corp.example,B,01/31/2025\n`),
          ),
        'CONFLICTING_DATE_FORMATS',
      ],
      [
        () =>
          importHrFile(store, bytes('p.csv', `Email,Name\na@corp.example,A\nb@corp.example,${'x'.repeat(40_000)}\n`)),
        'FIELD_TOO_LARGE',
      ],
      [() => importHrFile(store, { path: '/no/such/file.csv' }), 'FILE_NOT_FOUND'],
      [
        () =>
          importHrFile(store, { ...bytes('p.csv', 'Email,Name\na@corp.example,A\n'), mapping: { mail: 'x' } as never }),
        'INVALID_MAPPING',
      ],
    ];
    for (const [attempt, code] of attempts) expect((await failure(attempt())).code).toBe(code);
    expect((await store.hr.current())?.id).toBe(first.importId);
    expect(await store.hr.records()).toHaveLength(430);
    expect(await store.hr.list()).toHaveLength(1);
  });

  it('writes the import to the audit log', async () => {
    const store = await newStore();
    const result = await importHrFile(store, { path: 'resources/demo/corp-demo-hr.csv', actor: 'alice' });
    const entries = await store.audit.list();
    expect(entries.at(-1)).toMatchObject({
      actor: 'alice',
      action: 'hr.import',
      target: 'corp-demo-hr.csv',
      after: { importId: result.importId, rows: 430, imported: 430, errors: 0 },
    });
  });

  it('previews headers, first rows and the mapping without importing', async () => {
    const store = await newStore();
    const demo = readFileSync('resources/demo/corp-demo-hr.csv');
    const preview = await previewHrFile(store, { fileName: 'corp-demo-hr.csv', bytes: demo, rows: 3 });
    expect(preview.header[0]).toBe('Employee ID');
    expect(preview.rows.map((row) => row.rowNumber)).toEqual([2, 3, 4]);
    expect(preview.detected).toMatchObject({ employeeId: 'Employee ID', email: 'Work Email' });
    expect(preview.mapping).toEqual(preview.detected);
    expect(preview.problem).toBeNull();
    expect(preview.sheets).toBeUndefined();
    expect(await store.hr.current()).toBeUndefined();

    const missing = await previewHrFile(store, bytes('p.csv', 'Department\nSales\n'));
    expect(missing.mapping).toBeNull();
    expect(missing.problem?.code).toBe('MISSING_COLUMNS');
  });

  it('previews a workbook with the names of all its sheets, in its order, for the user to pick one', async () => {
    const store = await newStore();
    const book = await workbook({
      Notes: [['Exported from the HR system']],
      Staff: [
        ['Staff ID', 'Name'],
        [1001, 'Ann Lee'],
      ],
      Leavers: [
        ['Staff ID', 'Name'],
        [1002, 'Bob Ray'],
      ],
    });
    const first = await previewHrFile(store, { fileName: 'staff.xlsx', bytes: book });
    expect(first).toMatchObject({ sheet: 'Notes', sheets: ['Notes', 'Staff', 'Leavers'] });
    expect(first.problem?.code).toBe('MISSING_COLUMNS');

    const picked = await previewHrFile(store, { fileName: 'staff.xlsx', bytes: book, sheet: 'leavers' });
    expect(picked).toMatchObject({ sheet: 'Leavers', sheets: ['Notes', 'Staff', 'Leavers'], problem: null });
    expect(picked.rows).toEqual([{ rowNumber: 2, cells: ['1002', 'Bob Ray'] }]);
    expect(HrFilePreviewSchema.parse(picked).sheets).toEqual(['Notes', 'Staff', 'Leavers']);
  });

  it('reads a file from a path with its name for the saved mapping', async () => {
    const store = await newStore();
    const path = join(dirname(tempStorePath()), 'Staff List.csv');
    writeFileSync(path, 'Employee ID;Name\nE1;Ann\n');
    const result = await importHrFile(store, { path });
    expect(result).toMatchObject({ fileName: 'Staff List.csv', delimiter: ';', imported: 1 });
    expect(await store.hr.mappingFor('Staff List.csv')).toEqual({ employeeId: 'Employee ID', displayName: 'Name' });
  });
});
