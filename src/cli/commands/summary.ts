import type { Assessment } from '../../risk';
import { EXIT, UsageError, writeJson, writeLine, type CliIo } from '../cli-io';
import type { Command } from '../command';
import { openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';
import { assessFromFlags, assessmentHelp, assessmentOptions, policyFromFlags, shortHash } from './policy-flag';

/** Anomalies the text summary names before it says "and N more". */
const LISTED = 20;

function counts(record: Record<string, number>): string {
  return Object.entries(record)
    .map(([key, count]) => `${key} ${count}`)
    .join(', ');
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

function printSummary(io: CliIo, assessment: Assessment): void {
  const { summary, policy, anomalies } = assessment;
  const out = (text: string): void => writeLine(io.stdout, text);
  out(`Snapshot ${summary.snapshotId} as of ${summary.asOf}, ${policy.source} policy ${shortHash(policy.hash)}`);
  out(
    `  accounts:        ${summary.accounts} (${summary.enabledAccounts} enabled): ${summary.nhi} non-human, ${summary.human} human; ${summary.orphaned} orphaned`,
  );
  out(`  by type:         ${counts(summary.byType)}`);
  out(`  by risk:         ${counts(summary.byTier)} (non-human: ${counts(summary.nhiByTier)})`);
  out(`  by usage:        ${counts(summary.byUsage)}`);
  out(`  owners (NHI):    ${counts(summary.byOwnerStatus)}`);
  const buckets = summary.dormancy.buckets.map((bucket) => `${bucket.label} ${bucket.count}`).join(', ');
  out(`  last logon:      ${buckets}, never ${summary.dormancy.never} (enabled accounts)`);
  const { imbalance } = summary;
  out(
    `  imbalance:       ${imbalance.enabledAccounts} enabled accounts, ${imbalance.enabledNhi} non-human and ${imbalance.enabledHuman} human` +
      (imbalance.nhiPerHuman === null ? '' : ` (${imbalance.nhiPerHuman} NHI per human)`),
  );
  out(
    imbalance.activeEmployees === null || imbalance.accountsOverEmployees === null
      ? '                   no HR list has reconciled this snapshot: import one to compare with employees'
      : `                   against ${imbalance.activeEmployees} active employees: ${signed(imbalance.accountsOverEmployees)} accounts`,
  );
  const since =
    assessment.previousSnapshotId === null
      ? 'no earlier snapshot to compare with'
      : `since snapshot ${assessment.previousSnapshotId}`;
  out(`  anomalies:       ${anomalies.length} (${since})`);
  for (const anomaly of anomalies.slice(0, LISTED)) {
    out(`    ${anomaly.kind}  ${anomaly.samAccountName}: ${anomaly.summary}`);
  }
  if (anomalies.length > LISTED) out(`    … and ${anomalies.length - LISTED} more (see --json)`);
}

export const summaryCommand: Command = {
  words: ['summary'],
  summary: "A snapshot's accounts counted by type, risk, usage and owner, the imbalance and the anomalies",
  synopsis: '--db FILE [--snapshot ID] [--policy FILE] [--json]',
  help: [
    ...assessmentHelp,
    ...storeHelp,
    'With --json: {"snapshotId", "asOf", "policy": {"source", "hash"}, "accounts", "enabledAccounts", "nhi",',
    '  "human", "orphaned", "byType", "byTier", "nhiByTier", "byUsage", "byOwnerStatus",',
    '  "dormancy": {"buckets", "never"}, "imbalance": {"enabledAccounts", "enabledNhi", "enabledHuman",',
    '  "nhiPerHuman", "activeEmployees", "accountsOverEmployees"},',
    '  "anomalies": [{"kind", "objectGuid", "samAccountName", "summary", "groups"?}]}.',
    'byOwnerStatus counts non-human accounts only; the anomalies compare with the previous complete',
    'snapshot of the same source.',
  ],
  options: { ...storeOptions, ...assessmentOptions },
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals.join(' ')}"`);
    const policy = await policyFromFlags(values);
    const store = await openStoreFromFlags(values, io);
    try {
      const assessment = await assessFromFlags(store, values, policy);
      if (values['json'] === true) {
        const { snapshotId, asOf, ...counted } = assessment.summary;
        writeJson(io.stdout, {
          snapshotId,
          asOf,
          policy: { source: assessment.policy.source, hash: assessment.policy.hash },
          ...counted,
          anomalies: assessment.anomalies,
        });
      } else {
        printSummary(io, assessment);
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
