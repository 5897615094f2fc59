import type { TestProject } from 'vitest/node';
import type { SeedFacts } from './company/facts';
import { ensureDcTools } from './packages';
import { createRunDir, removeRunDir } from './run-dir';
import { ensureTemplate, type DcTemplate, type TemplateSpec } from './template';

declare module 'vitest' {
  export interface ProvidedContext {
    testDcTemplate: DcTemplate;
    testDcRunDir: string;
    testDcFacts: SeedFacts;
  }
}

/** WARDEN_DC_ACCOUNTS and WARDEN_DC_REFERENCE_DATE (ISO date) reproduce a particular seed. */
function specFromEnvironment(): TemplateSpec {
  const spec: TemplateSpec = {};
  const accounts = process.env['WARDEN_DC_ACCOUNTS'];
  if (accounts) spec.accounts = Number(accounts);
  const date = process.env['WARDEN_DC_REFERENCE_DATE'];
  if (date) {
    const parsed = new Date(date);
    if (Number.isNaN(parsed.getTime())) throw new Error(`WARDEN_DC_REFERENCE_DATE "${date}" is not a date`);
    spec.now = parsed;
  }
  return spec;
}

/**
 * Makes sure Samba is installed and a seeded template exists (built once, then
 * cached across runs), and hands its location to the test files.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureDcTools();
  const { template, fromCache } = await ensureTemplate(specFromEnvironment());
  const origin = fromCache ? 'from cache' : `built in ${template.timings.totalMs} ms`;
  console.log(
    `[test-dc] template ${template.key} (${template.facts.counts.seededAccounts} accounts, ${origin}): ${template.tarPath}`,
  );
  const runDir = await createRunDir();
  project.provide('testDcTemplate', template);
  project.provide('testDcRunDir', runDir);
  project.provide('testDcFacts', template.facts);
  // The template cache stays: only this run's DCs go.
  return () => removeRunDir(runDir);
}
