import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionTarget } from '../../src/api/schemas';
import type { SeedFacts } from '../dc/company/facts';
import { startDc } from '../dc/dc-instance';
import { ADMIN_PASSWORD, ADMIN_UPN, BASE_DN } from '../dc/domain';
import { ensureDcTools } from '../dc/packages';
import { ensureTemplate } from '../dc/template';
import type { LdapsearchTarget } from './ldapsearch';

/** A running seeded DC as both sides of the scan benchmark reach it, and a folder for their files. */
export interface BenchDc {
  target: ConnectionTarget;
  password: string;
  ldapsearch: LdapsearchTarget;
  facts: SeedFacts;
  /** Deleted, with the DC's own folder inside it, when the work is done. */
  dir: string;
}

/** Generous: one page of 1,000 entries should take well under a second, but the machine may be busy. */
const TIMEOUT_MS = 120_000;

/**
 * Runs `work` against a DC seeded with `accounts` accounts (the template is
 * built on first use: minutes for tens of thousands) and always stops it and
 * deletes every file, whatever `work` does.
 */
export async function withBenchDc<T>(accounts: number, work: (dc: BenchDc) => Promise<T>): Promise<T> {
  await ensureDcTools();
  const { template } = await ensureTemplate({ accounts });
  const dir = mkdtempSync(join(tmpdir(), 'warden-bench-scan-'));
  try {
    const dc = await startDc(template, { parentDir: dir });
    try {
      const caPath = join(dir, 'ca.pem');
      writeFileSync(caPath, dc.caPem);
      return await work({
        // Connect by address: each copy's certificate names its address, so verification stays on.
        target: {
          host: dc.ip,
          transport: 'ldaps',
          allowPlainLdap: false,
          caPem: dc.caPem,
          bindName: ADMIN_UPN,
          baseDn: BASE_DN,
          timeoutMs: TIMEOUT_MS,
        },
        password: ADMIN_PASSWORD,
        ldapsearch: {
          url: `ldaps://${dc.ip}`,
          bindName: ADMIN_UPN,
          password: ADMIN_PASSWORD,
          baseDn: BASE_DN,
          caPath,
        },
        facts: template.facts,
        dir,
      });
    } finally {
      await dc.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
