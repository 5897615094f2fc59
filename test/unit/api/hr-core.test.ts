import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationOutput } from '../../../src/api/contract';
import { createCore, type Core } from '../../../src/api/core';
import { MAX_HR_FILE_BYTES } from '../../../src/api/hr-schemas';
import { generateDataKey } from '../../../src/store';

const resourcesDir = join(import.meta.dirname, '..', '..', '..', 'resources');
let dir: string;
let core: Core | undefined;

function router(): Core['router'] {
  if (core === undefined) throw new Error('the core is not started');
  return core.router;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warden-core-hr-'));
  core = await createCore({
    storePath: join(dir, 'warden.db'),
    keySource: { kind: 'raw', key: generateDataKey() },
    version: '0.0.0',
    platform: 'test',
    resourcesDir,
    emit: () => undefined,
  });
});

afterEach(async () => {
  await core?.close();
  core = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('HR import through the contract', () => {
  it('previews a file sent as bytes, then imports it with a mapping', async () => {
    const bytes = new Uint8Array(await readFile(join(resourcesDir, 'demo', 'corp-demo-hr.csv')));
    const preview = await router().call('previewHrFile', { fileName: 'corp-demo-hr.csv', bytes, rows: 2 });
    expect(preview.ok).toBe(true);
    const shown = (preview as { value: OperationOutput<'previewHrFile'> }).value;
    expect(shown).toMatchObject({ format: 'csv', headerRow: 1, problem: null });
    expect(shown.rows).toHaveLength(2);
    expect(shown.mapping).toMatchObject({ employeeId: 'Employee ID', email: 'Work Email' });

    const imported = await router().call('importHrFile', {
      fileName: 'corp-demo-hr.csv',
      bytes,
      mapping: { department: null },
    });
    expect(imported).toMatchObject({ ok: true, value: { rows: 430, imported: 430, errors: [] } });
    const again = await router().call('previewHrFile', { fileName: 'corp-demo-hr.csv', bytes, rows: 0 });
    expect(again).toMatchObject({ ok: true, value: { saved: { department: null }, mapping: { department: null } } });
  });

  it('answers a file-level error with its code, and refuses input that is not bytes or too large', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n');
    expect(await router().call('importHrFile', { fileName: 'x.pdf', bytes: pdf })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED_FORMAT' },
    });
    expect(await router().call('importHrFile', { fileName: 'x.csv', bytes: 'Email,Name' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const huge = new Uint8Array(MAX_HR_FILE_BYTES + 1);
    const refused = await router().call('previewHrFile', { fileName: 'x.csv', bytes: huge });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(refused)).toContain('import it with \\"warden hr import\\"');
  });
});
