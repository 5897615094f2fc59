/**
 * Importing an HR employee list of 200,000 people from CSV into the encrypted
 * store: reading, mapping, validating every row and writing them all in one
 * transaction. The baseline, measured in the same run on the same file, is
 * reading it alone (decode and CSV parse through the same reader, no
 * validation, no store), so the ratio shows what checking and storing add to
 * the unavoidable cost of parsing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importHrFile } from '../../src/hr';
import { openTable } from '../../src/hr/read-table';
import { fileSource } from '../../src/hr/source';
import { generateDataKey, openStore } from '../../src/store';
import type { Benchmark, BenchRow, Target } from './benchmark';
import { alternate, median, timed } from './measure';

/** The product's aim: a 200k-row list imports in at most 5 s. */
const IMPORT_TARGET: Target = { of: 'value', max: 5_000 };
const ROWS = 200_000;

const DEPARTMENTS = ['Finance', 'Engineering', 'Sales, EMEA', 'Marketing', 'Human Resources', 'Legal "&" Compliance'];

/** A list shaped like a real HRIS export: quoted fields, US dates, a tenth of them leavers. */
function writeHrCsv(path: string, rows: number): void {
  const lines = [
    'Employee ID,First Name,Last Name,Work Email,Department,Job Title,Status,Hire Date,Termination Date,Manager Email',
  ];
  const quote = (text: string): string => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  for (let index = 0; index < rows; index += 1) {
    const leaver = index % 10 === 0;
    const month = (index % 12) + 1;
    const day = (index % 28) + 1;
    lines.push(
      [
        `E${String(100_000 + index)}`,
        `First${index}`,
        index % 50 === 0 ? `O'Neil-Smith ${index}` : `Last${index}`,
        `person.${index}@corp.example`,
        quote(DEPARTMENTS[index % DEPARTMENTS.length] ?? ''),
        quote(index % 7 === 0 ? 'Engineer, Senior' : 'Analyst'),
        leaver ? 'Terminated' : index % 97 === 0 ? 'On Leave' : 'Active',
        `${month}/${day}/2015`,
        leaver ? `${month}/${day}/2024` : '',
        `manager.${index % 2_000}@corp.example`,
      ].join(','),
    );
  }
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
}

async function parseOnly(path: string): Promise<number> {
  const table = await openTable(await fileSource(path));
  let rows = 0;
  for await (const _row of table.rows) rows += 1;
  return rows;
}

async function importOnce(dir: string, path: string, round: number): Promise<number> {
  const store = await openStore({
    path: join(dir, `store-${round}.db`),
    key: { kind: 'raw', key: generateDataKey() },
    create: true,
  });
  try {
    const { ms, result } = await timed(() => importHrFile(store, { path, actor: 'bench' }));
    if (result.imported !== ROWS || result.errorCount !== 0) {
      throw new Error(`the import stored ${result.imported} of ${ROWS} rows with ${result.errorCount} errors`);
    }
    return ms;
  } finally {
    await store.close();
  }
}

export const hrImportBenchmark: Benchmark = {
  name: 'hr-import',
  description: `import of a ${ROWS.toLocaleString('en-US')}-row HR CSV into the encrypted store vs reading the file alone`,
  async run(options) {
    const dir = mkdtempSync(join(tmpdir(), 'warden-bench-hr-'));
    try {
      const path = join(dir, 'employees.csv');
      writeHrCsv(path, ROWS);
      // Warm-up: compiles the reader, the validator and the insert path before anything is timed.
      await parseOnly(path);
      await importOnce(dir, path, -1);

      const samples = { import: [] as number[], parse: [] as number[] };
      const sides = ['import', 'parse'] as const;
      for (let round = 0; round < options.rounds; round += 1) {
        for (const side of alternate(round, sides)) {
          if (side === 'import') samples.import.push(await importOnce(dir, path, round));
          else samples.parse.push((await timed(() => parseOnly(path))).ms);
        }
      }
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
      ];
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
