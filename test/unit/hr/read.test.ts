import { Readable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HrImportError, MAX_FIELD_CHARS } from '../../../src/hr/errors';
import { openTable } from '../../../src/hr/read-table';
import { bytesSource, fileSource } from '../../../src/hr/source';
import { zipEntryNames } from '../../../src/hr/zip-entries';
import { encode, readAll, workbook } from './files';

const PEOPLE = [
  ['Employee ID', 'Name', 'Notes'],
  ['E1', 'Zoë Ångström', 'says "hi", often'],
  ['E2', 'Bob', 'line one\nline two'],
];

function csv(rows: string[][], delimiter: string, newline = '\r\n'): string {
  const quote = (cell: string): string => (/[",;\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join(delimiter)).join(newline) + newline;
}

async function failure(promise: Promise<unknown>): Promise<HrImportError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof HrImportError)) throw new Error(`expected an HrImportError, got ${String(error)}`);
  return error;
}

describe('reading CSV', () => {
  describe.each([
    ['utf-8', false],
    ['utf-8', true],
    ['utf-16le', true],
    ['utf-16be', true],
    ['utf-16le', false],
  ] as const)('in %s (byte-order mark: %s)', (encoding, bom) => {
    it.each([
      [',', ','],
      [';', ';'],
      ['tab', '\t'],
    ])('with delimiter %s: quoted commas, quotes and line breaks', async (_name, delimiter) => {
      const table = await readAll('people.csv', encode(csv(PEOPLE, delimiter), encoding, bom));
      expect(table.encoding).toBe(encoding.toUpperCase());
      expect(table.delimiter).toBe(delimiter);
      expect(table.header).toEqual(['Employee ID', 'Name', 'Notes']);
      expect(table.rows).toEqual([
        { rowNumber: 2, cells: ['E1', 'Zoë Ångström', 'says "hi", often'] },
        { rowNumber: 3, cells: ['E2', 'Bob', 'line one\nline two'] },
      ]);
    });
  });

  it('numbers rows as a spreadsheet does: a quoted line break stays in its row, blank rows still count', async () => {
    const text = 'Employee ID,Name\n\nE1,"two\nlines"\n\n\nE2,Bob\n';
    const table = await readAll('people.csv', Buffer.from(text));
    expect(table.rows.map((row) => row.rowNumber)).toEqual([3, 6]);
  });

  it('reads a Windows-1252 file (Excel\'s plain "CSV") when it is not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('Employee ID,Name\nE1,Ren'), Buffer.from([0xe9]), Buffer.from('e\n')]);
    const table = await readAll('people.csv', bytes);
    expect(table.encoding).toBe('WINDOWS-1252');
    expect(table.rows[0]?.cells).toEqual(['E1', 'Renée']);
  });

  it('keeps a quote inside an unquoted field as text', async () => {
    const table = await readAll('people.csv', Buffer.from('Employee ID;Name\nE1;O"Brien\n'));
    expect(table.rows[0]?.cells).toEqual(['E1', 'O"Brien']);
  });

  it.each([
    ['\r\n', true],
    ['\n', false],
    ['\r', true],
  ])(
    'reads records across the chunks a file streams in (line ending %j, final line ending %s)',
    async (newline, last) => {
      // Quoted commas, quotes and line breaks, long enough to straddle the 64 KiB chunks at many places.
      const rows = Array.from({ length: 4_000 }, (_, index) => [
        `E${index}`,
        index % 3 === 0 ? `Line one\nline "${index}", two` : `Name ${index}`,
        'x'.repeat(index % 97),
      ]);
      const text = csv([['Employee ID', 'Name', 'Notes'], ...rows], ',', newline);
      const table = await readAll('people.csv', Buffer.from(last ? text : text.slice(0, -newline.length)));
      expect(table.rows.length).toBe(rows.length);
      expect(table.rows.map((row) => row.cells)).toEqual(rows);
      expect(table.rows.at(-1)?.rowNumber).toBe(rows.length + 1);
    },
  );

  it('reads a file from disk the same way', async () => {
    const table = await openTable(await fileSource('resources/demo/corp-demo-hr.csv'));
    expect(table.header[0]).toBe('Employee ID');
    let rows = 0;
    for await (const _row of table.rows) rows += 1;
    expect(rows).toBe(430);
  });
});

describe('reading XLSX', () => {
  it('reads the first sheet, streaming, with dates, numbers, formulas and rich text as text', async () => {
    const bytes = await workbook({
      People: [
        ['Employee ID', 'Name', 'End Date', 'Grade'],
        [1001, { richText: [{ text: 'Zoë ' }, { text: 'Ångström' }] }, new Date(Date.UTC(2025, 2, 31)), 7.5],
        [],
        ['E3', 'Bob', 45747, { formula: '1+1', result: 2 }],
      ],
      Other: [['x']],
    });
    const table = await readAll('people.xlsx', bytes);
    expect(table.format).toBe('xlsx');
    expect(table.sheet).toBe('People');
    expect(table.sheets).toEqual(['People', 'Other']);
    expect(table.header).toEqual(['Employee ID', 'Name', 'End Date', 'Grade']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['1001', 'Zoë Ångström', '2025-03-31', '7.5'] },
      { rowNumber: 4, cells: ['E3', 'Bob', '45747', '2'] },
    ]);
  });

  it('reads a named sheet, case-insensitively', async () => {
    const bytes = await workbook({
      Notes: [['nothing here']],
      Staff: [
        ['Email', 'Name'],
        ['a@corp.example', 'Ann'],
      ],
    });
    const table = await readAll('people.xlsx', bytes, 'staff');
    expect(table.sheet).toBe('Staff');
    expect(table.sheets).toEqual(['Notes', 'Staff']);
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ['a@corp.example', 'Ann'] }]);
  });

  it('reads a workbook of many small sheets whole, every time', async () => {
    // Thirty small sheets ahead of the workbook part made the unzip lose entries on nearly every read.
    const sheets = Object.fromEntries(
      Array.from({ length: 30 }, (_, index) => [`Sheet ${index + 1}`, [['Email'], [`p${index}@corp.example`]]]),
    );
    const bytes = await workbook(sheets);
    for (let round = 0; round < 3; round += 1) {
      const table = await readAll('people.xlsx', bytes, 'sheet 30');
      expect(table.sheets).toEqual(Object.keys(sheets));
      expect(table.rows).toEqual([{ rowNumber: 2, cells: ['p29@corp.example'] }]);
    }
  });

  it('reports a file that fails while it is read instead of waiting for it', async () => {
    const bytes = await workbook({ Staff: [['Email'], ['a@corp.example']] });
    const source = bytesSource('people.xlsx', bytes);
    const failing = {
      ...source,
      stream: () =>
        Readable.from(
          (function* () {
            yield bytes.subarray(0, 100);
            throw new Error('EIO: i/o error, read');
          })(),
        ),
    };
    const error = await failure(openTable(failing));
    expect(error.code).toBe('MALFORMED_XLSX');
    expect(error.message).toContain('EIO: i/o error, read');
  });

  it('names the sheets it has when the one asked for is missing', async () => {
    const bytes = await workbook({ Notes: [['x']], Staff: [['y']] });
    const error = await failure(readAll('people.xlsx', bytes, 'Employees'));
    expect(error.code).toBe('SHEET_NOT_FOUND');
    expect(error.message).toBe('people.xlsx has no sheet "Employees"; its sheets are: "Notes", "Staff".');
  });

  it('refuses an empty sheet', async () => {
    const error = await failure(readAll('people.xlsx', await workbook({ Empty: [] })));
    expect(error.code).toBe('EMPTY_FILE');
  });
});

/** A ZIP with stored entries (no compression), enough to look like an archive. */
function zip(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const data = deflateRawSync(Buffer.from('x'));
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(1, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(1, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('malformed files', () => {
  it('lists the entries of a ZIP from its central directory', () => {
    expect(zipEntryNames(zip(['a.txt', 'dir/b.xml']))).toEqual(['a.txt', 'dir/b.xml']);
    expect(zipEntryNames(Buffer.from('not a zip at all, not at all'))).toBeUndefined();
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'EMPTY_FILE', 'people.csv is empty.'],
    [
      'only blank lines',
      Buffer.from('\r\n\r\n  \r\n'),
      'EMPTY_FILE',
      'people.csv has no header row: it holds only blank lines.',
    ],
    [
      'binary junk',
      Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256)),
      'NOT_TEXT',
      'people.csv holds binary data, not a CSV or XLSX employee list. Save it from Excel as "CSV UTF-8", "Unicode Text" or "Excel Workbook (.xlsx)".',
    ],
    [
      'a PDF',
      Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'),
      'UNSUPPORTED_FORMAT',
      'people.csv is a PDF document, not a CSV or XLSX employee list. Save it from Excel as "CSV UTF-8", "Unicode Text" or "Excel Workbook (.xlsx)".',
    ],
    [
      'an old .xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      'UNSUPPORTED_FORMAT',
      'people.csv is an Excel 97-2003 (.xls) or other old Office file, not a CSV or XLSX employee list. Save it from Excel as "CSV UTF-8", "Unicode Text" or "Excel Workbook (.xlsx)".',
    ],
    [
      'a ZIP that is not a workbook',
      zip(['photos/a.jpg', 'readme.txt']),
      'UNSUPPORTED_FORMAT',
      'people.csv is a ZIP archive that is not an Excel workbook, not a CSV or XLSX employee list. Save it from Excel as "CSV UTF-8", "Unicode Text" or "Excel Workbook (.xlsx)".',
    ],
    [
      'a Word document',
      zip(['[Content_Types].xml', 'word/document.xml']),
      'UNSUPPORTED_FORMAT',
      'people.csv is a Word document, not a CSV or XLSX employee list. Save it from Excel as "CSV UTF-8", "Unicode Text" or "Excel Workbook (.xlsx)".',
    ],
    [
      'a truncated ZIP',
      zip(['xl/workbook.xml']).subarray(0, 40),
      'MALFORMED_XLSX',
      'people.csv looks like a ZIP archive or workbook but is truncated or damaged.',
    ],
  ])('refuses %s', async (_what, bytes, code, message) => {
    const error = await failure(readAll('people.csv', bytes));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it('refuses a workbook whose parts are not what they claim', async () => {
    const error = await failure(readAll('people.xlsx', zip(['[Content_Types].xml', 'xl/workbook.xml'])));
    expect(error.code).toBe('MALFORMED_XLSX');
    expect(error.message).toMatch(/^people\.xlsx cannot be read as an Excel workbook \(/);
  });

  it('refuses a field of a million characters, naming its row and column', async () => {
    const text = `Employee ID,Name,Notes\nE1,Ann,short\nE2,Bob,${'x'.repeat(1_000_000)}\n`;
    const error = await failure(readAll('people.csv', Buffer.from(text)));
    expect(error.code).toBe('FIELD_TOO_LARGE');
    expect(error.message).toBe(
      `people.csv: row 3, column "Notes" holds a field of 1000000 characters; a field may hold at most ${MAX_FIELD_CHARS} (Excel's limit). This usually means a quote that is opened and never closed.`,
    );
    expect(error.details).toMatchObject({ row: 3, column: 'Notes', length: 1_000_000 });
  });

  it('refuses a quote that is never closed', async () => {
    const error = await failure(readAll('people.csv', Buffer.from('Employee ID,Name\nE1,"Ann\nE2,Bob\nE3,Cy\n')));
    expect(error.code).toBe('MALFORMED_CSV');
    expect(error.message).toBe(
      'people.csv: a quote opened in row 2, column "Name" is never closed, so the rest of the file would be read as one field.',
    );
  });

  it('refuses a missing file and a directory', async () => {
    const missing = await failure(fileSource('/no/such/dir/people.csv'));
    expect(missing.code).toBe('FILE_NOT_FOUND');
    expect(missing.message).toBe('There is no file /no/such/dir/people.csv.');
    const directory = await failure(fileSource('test'));
    expect(directory.code).toBe('FILE_UNREADABLE');
  });

  it('refuses UTF-8 that breaks further into the file', async () => {
    // Past the first 256 KiB, which decide the encoding.
    const head = `Employee ID,Name,Notes\n${'E1,Ann Smith-Jones,some notes about nothing in particular\n'.repeat(6_000)}`;
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    const error = await failure(readAll('people.csv', bytes));
    expect(error.code).toBe('NOT_TEXT');
    expect(error.message).toMatch(/^people\.csv is not valid UTF-8 text after byte \d+\./);
  });
});
