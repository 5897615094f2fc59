import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli-harness';

const ENV = { WARDEN_DB_PASSPHRASE: 'correct horse battery staple' };

let dir: string;
let db: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warden-cli-hr-'));
  db = join(dir, 'warden.db');
  expect((await runCli(['store', 'init', '--db', db], ENV)).code).toBe(0);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('warden hr import', () => {
  it('imports the demo HR file and prints {"rows", "imported", "errors"} with --json', async () => {
    const run = await runCli(['hr', 'import', 'resources/demo/corp-demo-hr.csv', '--db', db, '--json'], ENV);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ rows: 430, imported: 430, errors: [] });
  });

  it('exits 0 with invalid rows skipped, listing them with row, column, value and message', async () => {
    const file = join(dir, 'people.csv');
    await writeFile(file, 'Employee ID,Name,Email\nE1,Ann,ann@corp.example\nE2,Bob,bob@\n');
    const json = await runCli(['hr', 'import', file, '--db', db, '--json'], ENV);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout) as { rows: number; imported: number; errors: unknown[] };
    expect(result.rows).toBe(2);
    expect(result.imported).toBe(1);
    expect(result.errors).toEqual([{ row: 3, column: 'Email', value: 'bob@', message: 'not an e-mail address' }]);

    const human = await runCli(['hr', 'import', file, '--db', db], ENV);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('people.csv (CSV, UTF-8, delimiter ","): imported 1 of 2 rows');
    expect(human.stdout).toContain('row 3, Email "bob@": not an e-mail address');
  });

  it('reads a mapping file and a sheet name', async () => {
    const file = join(dir, 'people.csv');
    const mapping = join(dir, 'mapping.json');
    await writeFile(file, 'Number;Who;Mail\nE1;Ann;ann@corp.example\n');
    await writeFile(mapping, JSON.stringify({ employeeId: 'Number', displayName: 'Who', email: 'Mail' }));
    const run = await runCli(['hr', 'import', file, '--db', db, '--mapping', mapping, '--sheet', 'x', '--json'], ENV);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      imported: 1,
      mapping: { employeeId: 'Number', displayName: 'Who' },
    });
  });

  it('exits 1 with the reason when the file cannot be imported', async () => {
    const file = join(dir, 'people.csv');
    await writeFile(file, 'Department,Title\nSales,Rep\n');
    const run = await runCli(['hr', 'import', file, '--db', db, '--json'], ENV);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[MISSING_COLUMNS]');
    const missing = await runCli(['hr', 'import', join(dir, 'nope.csv'), '--db', db], ENV);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`There is no file ${join(dir, 'nope.csv')}. [FILE_NOT_FOUND]`);
    const badMapping = join(dir, 'mapping.json');
    await writeFile(badMapping, '{"mail": "Email"}');
    const mapping = await runCli(['hr', 'import', file, '--db', db, '--mapping', badMapping], ENV);
    expect(mapping.code).toBe(1);
    expect(mapping.stderr).toContain('[INVALID_MAPPING]');
  });

  it('exits 2 for a wrong command line', async () => {
    expect((await runCli(['hr', 'import', '--db', db], ENV)).code).toBe(2);
    expect((await runCli(['hr', 'import', 'a.csv', 'b.csv', '--db', db], ENV)).code).toBe(2);
    expect((await runCli(['hr', 'import', 'a.csv'], ENV)).code).toBe(2);
    expect((await runCli(['hr', 'import', 'a.csv', '--db', db, '--bogus'], ENV)).code).toBe(2);
  });
});
