/**
 * Importing an HR employee list of 200,000 people from CSV into the encrypted
 * store: reading, mapping, validating every row and writing them all in one
 * transaction. The baseline, measured in the same run on the same file, is
 * reading it alone (decode and CSV parse through the same reader, no
 * validation, no store), so the ratio shows what checking and storing add to
 * the unavoidable cost of parsing. The same people, 50,000 of them, are also
 * imported from an XLSX workbook (no target: XLSX reading is exceljs's), with
 * reading that workbook alone as its baseline.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { importHrFile } from '../../src/hr';
import { openTable } from '../../src/hr/read-table';
import { fileSource } from '../../src/hr/source';
import { generateDataKey, openStore } from '../../src/store';
import type { Benchmark, BenchRow, Target } from './benchmark';
import { alternate, median, timed } from './measure';

/** The product's aim: a 200k-row list imports in at most 5 s. */
const IMPORT_TARGET: Target = { of: 'value', max: 5_000 };
const ROWS = 200_000;
const XLSX_ROWS = 50_000;

const DEPARTMENTS = ['Finance', 'Engineering', 'Sales, EMEA', 'Marketing', 'Human Resources', 'Legal "&" Compliance'];

const HEADER = [
  'Employee ID',
  'First Name',
  'Last Name',
  'Work Email',
  'Department',
  'Job Title',
  'Status',
  'Hire Date',
  'Termination Date',
  'Manager Email',
];

/** One person as a real HRIS export has them: US dates, a tenth of them leavers. */
function hrRow(index: number): string[] {
  const leaver = index % 10 === 0;
  const month = (index % 12) + 1;
  const day = (index % 28) + 1;
  return [
    `E${String(100_000 + index)}`,
    `First${index}`,
    index % 50 === 0 ? `O'Neil-Smith ${index}` : `Last${index}`,
    `person.${index}@corp.example`,
    DEPARTMENTS[index % DEPARTMENTS.length] ?? '',
    index % 7 === 0 ? 'Engineer, Senior' : 'Analyst',
    leaver ? 'Terminated' : index % 97 === 0 ? 'On Leave' : 'Active',
    `${month}/${day}/2015`,
    leaver ? `${month}/${day}/2024` : '',
    `manager.${index % 2_000}@corp.example`,
  ];
}

/** The list as CSV, with fields quoted where they hold commas or quotes. */
function writeHrCsv(path: string, rows: number): void {
  const quote = (text: string): string => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [HEADER.join(',')];
  for (let index = 0; index < rows; index += 1) lines.push(hrRow(index).map(quote).join(','));
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
}

/** The list as an XLSX workbook with one sheet, written as it streams. */
async function writeHrXlsx(path: string, rows: number): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = book.addWorksheet('Employees');
  sheet.addRow(HEADER).commit();
  for (let index = 0; index < rows; index += 1) sheet.addRow(hrRow(index)).commit();
  sheet.commit();
  await book.commit();
}

async function parseOnly(path: string): Promise<number> {
  const table = await openTable(await fileSource(path));
  let rows = 0;
  for await (const _row of table.rows) rows += 1;
  return rows;
}

async function importOnce(dir: string, path: string, rows: number, round: number): Promise<number> {
  const storePath = join(dir, `store-${round}.db`);
  const store = await openStore({ path: storePath, key: { kind: 'raw', key: generateDataKey() }, create: true });
  try {
    const { ms, result } = await timed(() => importHrFile(store, { path, actor: 'bench' }));
    if (result.imported !== rows || result.errorCount !== 0) {
      throw new Error(`the import stored ${result.imported} of ${rows} rows with ${result.errorCount} errors`);
    }
    return ms;
  } finally {
    await store.close();
    // The next import of the round, of the other file, makes a new store under the same name.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${storePath}${suffix}`, { force: true });
  }
}

/** Import and read-alone times of one file over the rounds, each side going first in turn. */
async function measure(
  dir: string,
  path: string,
  rows: number,
  rounds: number,
): Promise<{ import: number[]; parse: number[] }> {
  const samples = { import: [] as number[], parse: [] as number[] };
  for (let round = 0; round < rounds; round += 1) {
    for (const side of alternate(round, ['import', 'parse'] as const)) {
      if (side === 'import') samples.import.push(await importOnce(dir, path, rows, round));
      else samples.parse.push((await timed(() => parseOnly(path))).ms);
    }
  }
  return samples;
}

export const hrImportBenchmark: Benchmark = {
  name: 'hr-import',
  description: `import of a ${ROWS.toLocaleString('en-US')}-row HR CSV into the encrypted store vs reading the file alone`,
  async run(options) {
    const dir = mkdtempSync(join(tmpdir(), 'warden-bench-hr-'));
    try {
      const csv = join(dir, 'employees.csv');
      const xlsx = join(dir, 'employees.xlsx');
      writeHrCsv(csv, ROWS);
      await writeHrXlsx(xlsx, XLSX_ROWS);
      // Warm-up: compiles the readers, the validator and the insert path before anything is timed.
      await parseOnly(csv);
      await importOnce(dir, csv, ROWS, -1);
      await importOnce(dir, xlsx, XLSX_ROWS, -1);

      const samples = await measure(dir, csv, ROWS, options.rounds);
      const workbook = await measure(dir, xlsx, XLSX_ROWS, options.rounds);
      const rate = (ms: number): number => ROWS / (ms / 1000);
      const rows: BenchRow[] = [
        {
          metric: `import ${ROWS.toLocaleString('en-US')}-row CSV (read, validate, store)`,
          unit: 'ms',
          value: median(samples.import),
          samples: samples.import,
          baseline: { label: 'read the file alone', value: median(samples.parse), samples: samples.parse },
          target: IMPORT_TARGET,
        },
        {
          metric: 'import rate',
          unit: 'items/s',
          value: median(samples.import.map(rate)),
          samples: samples.import.map(rate),
          baseline: { label: 'read the file alone', value: median(samples.parse.map(rate)) },
        },
        {
          metric: `import ${XLSX_ROWS.toLocaleString('en-US')}-row XLSX workbook (read, validate, store)`,
          unit: 'ms',
          value: median(workbook.import),
          samples: workbook.import,
          baseline: { label: 'read the file alone', value: median(workbook.parse), samples: workbook.parse },
        },
      ];
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
