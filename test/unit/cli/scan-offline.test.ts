import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store';
import { runCli } from './cli-harness';

const PASSPHRASE = 'correct horse battery staple';
const env = { WARDEN_DB_PASSPHRASE: PASSPHRASE };

let dir: string;
let db: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warden-cli-scan-'));
  db = join(dir, 'warden.db');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('warden scan without a domain controller', () => {
  it('loads the bundled demo into a snapshot marked as the demo', async () => {
    const result = await runCli(['scan', '--demo', '--db', db, '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(summary).sort()).toEqual(['accounts', 'durationMs', 'groups', 'incremental', 'snapshotId']);
    expect(summary).toMatchObject({ accounts: 604, groups: 60, incremental: false });

    const store = await openStore({ path: db, key: { kind: 'passphrase', passphrase: PASSPHRASE } });
    try {
      const snapshot = await store.snapshots.latestComplete();
      expect(snapshot).toMatchObject({ id: summary['snapshotId'], sourceKind: 'demo', status: 'complete' });
    } finally {
      await store.close();
    }
  });

  it('imports an LDIF export', async () => {
    const ldif = join(import.meta.dirname, '..', 'directory', 'fixtures', 'ldapsearch-lll.ldif');
    const result = await runCli(['scan', '--ldif', ldif, '--db', db, '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ incremental: false });
  });

  it('names the file and the problem when the export cannot be read, and completes no snapshot', async () => {
    const missing = join(dir, 'nope.ldif');
    const result = await runCli(['scan', '--ldif', missing, '--db', db], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[LDIF_NOT_FOUND]');
    expect(result.stderr).toContain(missing);

    const store = await openStore({ path: db, key: { kind: 'passphrase', passphrase: PASSPHRASE } });
    try {
      expect(await store.snapshots.latestComplete()).toBeUndefined();
      expect((await store.snapshots.list()).map((snapshot) => snapshot.status)).toEqual(['failed']);
    } finally {
      await store.close();
    }
  });

  it('refuses two sources at once', async () => {
    const both = await runCli(['scan', '--demo', '--ldif', 'x.ldif', '--db', db], env);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('choose one');
    const live = await runCli(['scan', '--demo', '--url', 'ldaps://dc1', '--db', db], env);
    expect(live.code).toBe(2);
  });
});
