import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { computeFacts, type SeedFacts } from './company/facts';
import { generateCompany, type SeedParameters } from './company/generate';
import { writeHrCsv } from './company/hr-csv';
import { HELPDESK_OU } from './company/layout';
import { writeCompanyLdif } from './company/write-ldif';
import { ACCOUNT_FILTER, BASE_DN } from './domain';
import { TestDcError } from './errors';
import { ldbAdd, ldbCount, ldbModify, ldbReadValue } from './ldb-tools';
import { dcTools } from './packages';
import type { DcLayout } from './provision';
import { runCommand } from './run-command';
import { BIND_ACCOUNTS } from './bind-accounts';

export interface SeedTimings {
  generateMs: number;
  ldbMs: number;
  totalMs: number;
}

export interface SeedOutcome {
  facts: SeedFacts;
  timings: SeedTimings;
}

function ldbTimeout(accounts: number): number {
  return Math.max(300_000, accounts * 60);
}

/**
 * Seeds a provisioned, stopped DC offline: ldbadd straight into sam.ldb is
 * far faster than LDAP (notes/samba-ad.md). The OUs and the helpdesk account
 * go first so the helpdesk's SID exists when its OU gets the delegation ACE.
 */
export async function seedDomain(
  layout: DcLayout,
  params: SeedParameters,
  workDir: string,
  hrCsvPath: string,
): Promise<SeedOutcome> {
  const started = performance.now();
  // One instant for the generator and the facts, whichever the caller gave.
  const now = params.now ?? new Date();
  const company = generateCompany({ ...params, now });
  const paths = {
    foundation: join(workDir, 'seed-foundation.ldif'),
    bulk: join(workDir, 'seed-bulk.ldif'),
    modifications: join(workDir, 'seed-modifications.ldif'),
  };
  const helpdeskDn = company.notable.helpdeskAccount;
  const ldif = writeCompanyLdif(company, paths, new Set([helpdeskDn]));
  writeHrCsv(hrCsvPath, company.hrRows);
  const generated = performance.now();

  const timeout = ldbTimeout(params.accounts);
  const sam = layout.samLdbPath;
  const builtinAccounts = await ldbCount(sam, BASE_DN, ACCOUNT_FILTER);
  for (const file of ldif.foundation) await ldbAdd(sam, file.path, file.records, timeout);
  const helpdeskSid = await ldbReadValue(
    sam,
    BASE_DN,
    `(sAMAccountName=${BIND_ACCOUNTS.helpdesk.sAMAccountName})`,
    'objectSid',
  );
  await runCommand(
    dcTools().sambaTool,
    ['dsacl', 'set', '-H', sam, `--objectdn=${HELPDESK_OU}`, `--sddl=(A;CI;RPWP;;;${helpdeskSid})`],
    { timeoutMs: 120_000 },
  );
  for (const file of ldif.bulk) await ldbAdd(sam, file.path, file.records, timeout);
  for (const file of ldif.modifications) await ldbModify(sam, file.path, file.records, timeout);

  const totalAccounts = await ldbCount(sam, BASE_DN, ACCOUNT_FILTER);
  if (totalAccounts !== builtinAccounts + company.accounts.length) {
    throw new TestDcError(
      'TEST_DC_SEED_FAILED',
      `After seeding, the directory holds ${totalAccounts} accounts; expected ${builtinAccounts} built-in + ${company.accounts.length} seeded`,
      { dir: layout.dir },
    );
  }
  const base = computeFacts(company, { ...params, now }, BASE_DN);
  const done = performance.now();
  return {
    facts: { ...base, counts: { ...base.counts, builtinAccounts, totalAccounts } },
    timings: {
      generateMs: Math.round(generated - started),
      ldbMs: Math.round(done - generated),
      totalMs: Math.round(done - started),
    },
  };
}
