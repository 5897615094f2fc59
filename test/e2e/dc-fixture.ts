import { startDc, type RunningDc } from '../dc/dc-instance';
import type { SeedFacts } from '../dc/company/facts';
import { ADMIN_PASSWORD, ADMIN_UPN, BASE_DN } from '../dc/domain';
import { ensureDcTools } from '../dc/packages';
import { signalSambaTree } from '../dc/process';
import { createRunDir, removeRunDir } from '../dc/run-dir';
import { ensureTemplate } from '../dc/template';
import { test as base } from './harness/fixtures';

export interface E2eDc {
  ip: string;
  caPem: string;
  baseDn: string;
  adminUpn: string;
  adminPassword: string;
  facts: SeedFacts;
  /** Freezes the DC (it stops answering, connections stay open) until resume(); synchronous, to act between two pages of a scan. */
  pause(): void;
  resume(): void;
}

/**
 * The seeded Samba domain controller for browser tests: the same cached
 * template the integration tests use, one running copy per worker.
 */
export const test = base.extend<Record<never, never>, { dc: E2eDc }>({
  dc: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern here.
    async ({}, use) => {
      await ensureDcTools();
      const { template } = await ensureTemplate();
      const runDir = await createRunDir();
      let dc: RunningDc | undefined;
      try {
        dc = await startDc(template, { parentDir: runDir });
        const { pid } = dc;
        await use({
          ip: dc.ip,
          caPem: dc.caPem,
          baseDn: BASE_DN,
          adminUpn: ADMIN_UPN,
          adminPassword: ADMIN_PASSWORD,
          facts: template.facts,
          pause: () => signalSambaTree(pid, 'SIGSTOP'),
          resume: () => signalSambaTree(pid, 'SIGCONT'),
        });
      } finally {
        await dc?.stop();
        await removeRunDir(runDir);
      }
    },
    { scope: 'worker', timeout: 600_000 },
  ],
});

export { expect } from './harness/fixtures';
