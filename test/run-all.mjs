#!/usr/bin/env node
// `npm test`: every check a change must pass, in order, then one closing line
// with the totals of all test runners ("N passed, N failed").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const results = 'test-results';
const vitestReport = join(results, 'vitest-report.json');
const e2eReport = join(results, 'e2e-report.json');

const steps = [
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  { name: 'build', command: ['npm', 'run', '--silent', 'build'] },
  {
    name: 'unit + integration',
    command: [
      'npx',
      'vitest',
      'run',
      '--config',
      'test/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestReport}`,
    ],
  },
  { name: 'end-to-end', command: ['npx', 'playwright', 'test', '--config', 'test/e2e/playwright.config.ts'] },
];

mkdirSync(results, { recursive: true });
rmSync(vitestReport, { force: true });
rmSync(e2eReport, { force: true });

const failedSteps = [];
for (const step of steps) {
  process.stdout.write(`\n=== ${step.name} ===\n`);
  const started = Date.now();
  const run = spawnSync(step.command[0], step.command.slice(1), { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) failedSteps.push(step.name);
  process.stdout.write(`=== ${step.name}: ${run.status === 0 ? 'ok' : 'FAILED'} (${seconds} s) ===\n`);
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = readJson(vitestReport);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const e2e = readJson(e2eReport);
if (e2e) {
  // A test that failed and then passed on retry is reported, but counts as passed.
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  if (e2e.stats.flaky > 0) process.stdout.write(`\n${e2e.stats.flaky} end-to-end test(s) passed only on retry\n`);
  skipped += e2e.stats.skipped;
}

if (failedSteps.length > 0) process.stdout.write(`\nFailed steps: ${failedSteps.join(', ')}\n`);
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failedSteps.length > 0 || failed > 0 || passed === 0 ? 1 : 0);
