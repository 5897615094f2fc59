import { readFile } from 'node:fs/promises';
import { importHrFile, parseMapping, type HrImportResult, type HrMapping, type HrRowIssue } from '../../hr';
import { HrImportError } from '../../hr/errors';
import { EXIT, UsageError, writeJson, writeLine, type CliIo } from '../cli-io';
import { stringOption, type Command } from '../command';
import { openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';

/** Errors printed by the human summary; --json lists them all (up to the import's own limit). */
const SHOWN_ERRORS = 20;

async function readMapping(path: string): Promise<HrMapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new HrImportError('INVALID_MAPPING', `The mapping file ${path} cannot be read (${code}).`, { path });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new HrImportError(
      'INVALID_MAPPING',
      `The mapping file ${path} is not JSON (${error instanceof Error ? error.message : String(error)}).`,
      { path },
    );
  }
  return parseMapping(value);
}

function describe(issue: HrRowIssue): string {
  const where = issue.column === null ? `row ${issue.row}` : `row ${issue.row}, ${issue.column}`;
  const value = issue.value === null || issue.value === '' ? '' : ` "${issue.value}"`;
  return `${where}${value}: ${issue.message}`;
}

function printSummary(io: CliIo, result: HrImportResult): void {
  const source =
    result.format === 'xlsx'
      ? `sheet "${result.sheet ?? ''}"`
      : `${result.encoding ?? 'text'}, delimiter ${result.delimiter === '\t' ? 'tab' : `"${result.delimiter ?? ','}"`}`;
  writeLine(
    io.stdout,
    `${result.fileName} (${result.format.toUpperCase()}, ${source}): imported ${result.imported} of ${result.rows} rows`,
  );
  writeLine(
    io.stdout,
    `  columns: ${Object.entries(result.mapping)
      .filter(([key, value]) => key !== 'dateFormat' && value !== null)
      .map(([field, header]) => `${field} ← "${String(header)}"`)
      .join(', ')}`,
  );
  if (result.errorCount > 0) {
    writeLine(io.stdout, `  ${result.errorCount} row(s) skipped:`);
    for (const issue of result.errors.slice(0, SHOWN_ERRORS)) writeLine(io.stdout, `    ${describe(issue)}`);
    if (result.errorCount > SHOWN_ERRORS) {
      writeLine(io.stdout, `    … and ${result.errorCount - SHOWN_ERRORS} more (--json lists them)`);
    }
  }
  if (result.warningCount > 0) {
    writeLine(io.stdout, `  ${result.warningCount} warning(s):`);
    for (const issue of result.warnings.slice(0, SHOWN_ERRORS)) writeLine(io.stdout, `    ${describe(issue)}`);
    if (result.warningCount > SHOWN_ERRORS)
      writeLine(io.stdout, `    … and ${result.warningCount - SHOWN_ERRORS} more`);
  }
  writeLine(io.stdout, `  now the current HR list (import ${result.importId})`);
}

export const hrImportCommand: Command = {
  words: ['hr', 'import'],
  summary: 'Import an HR employee list (CSV or XLSX) as the current HR list',
  synopsis: 'FILE --db FILE [--mapping FILE] [--sheet NAME] [--json]',
  help: [
    'FILE                        the employee list: CSV (UTF-8 or UTF-16, comma, semicolon or tab) or XLSX',
    '--mapping FILE              JSON {"field": "column header", ...}: overrides the detected and saved columns;',
    '                            fields: employeeId email firstName lastName displayName username status endDate',
    '                            department managerEmail (null: do not read); "dateFormat": auto|mdy|dmy|ymd',
    '--sheet NAME                XLSX: the sheet to read (the first by default)',
    ...storeHelp,
    '',
    'Invalid rows are listed and skipped; the exit code is 0 when the list was imported, 1 when the file could not be.',
    'The mapping used is saved for the file name and reused next time.',
  ],
  options: {
    ...storeOptions,
    mapping: { type: 'string' },
    sheet: { type: 'string' },
  },
  async run(values, positionals, io) {
    const [path, ...others] = positionals;
    if (path === undefined) throw new UsageError('the HR file to import is missing');
    if (others.length > 0) throw new UsageError('import one file at a time');
    const mappingPath = stringOption(values, 'mapping');
    const mapping = mappingPath === undefined ? undefined : await readMapping(mappingPath);
    const sheet = stringOption(values, 'sheet');
    const store = await openStoreFromFlags(values, io);
    try {
      const result = await importHrFile(store, { path, mapping, sheet });
      if (values['json'] === true) writeJson(io.stdout, result);
      else printSummary(io, result);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
