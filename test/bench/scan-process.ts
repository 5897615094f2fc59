/**
 * One full scan in a process of its own, started by scan-job.ts:
 *   node --import tsx test/bench/scan-process.ts   (the job in $WARDEN_BENCH_SCAN_JOB)
 * A process per scan gives an honest peak RSS (nothing left over from earlier
 * rounds or other benchmarks) and starts each scan as cold as the baseline's
 * fresh ldapsearch processes. Prints one JSON line, a ScanReport.
 */
import { performance } from 'node:perf_hooks';
import { scanDirectory, type ScanSummary } from '../../src/inventory';
import { existsSync } from 'node:fs';
import { openStore } from '../../src/store';
import { SCAN_JOB_VARIABLE, type ScanJob, type ScanReport } from './scan-job';

const text = process.env[SCAN_JOB_VARIABLE];
if (text === undefined) throw new Error(`${SCAN_JOB_VARIABLE} is not set: this script is started by scan-job.ts`);
const job = JSON.parse(text) as ScanJob;

// Node, tsx and the modules above, before any work: what the scan itself adds is the difference.
const startKiB = process.resourceUsage().maxRSS;
const started = performance.now();
const store = await openStore({
  path: job.storePath,
  key: { kind: 'raw', key: Buffer.from(job.keyHex, 'hex') },
  create: !existsSync(job.storePath),
});
let summary: ScanSummary;
try {
  summary = await scanDirectory({
    target: job.target,
    password: job.password,
    store,
    incremental: job.incremental === true,
  });
} finally {
  await store.close();
}
const report: ScanReport = {
  ms: performance.now() - started,
  startKiB,
  // Linux reports maxRSS in KiB.
  peakKiB: process.resourceUsage().maxRSS,
  accounts: summary.accounts,
  groups: summary.groups,
  incremental: summary.incremental,
};
console.log(JSON.stringify(report));
