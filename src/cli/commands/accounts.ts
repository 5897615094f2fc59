import { parseAccountFilter, RiskError, type AccountAssessment, type AccountPredicate } from '../../risk';
import { EXIT, UsageError, writeJson, writeLine, type CliIo } from '../cli-io';
import { stringOption, type Command } from '../command';
import { openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';
import { assessFromFlags, assessmentHelp, assessmentOptions, policyFromFlags, shortHash } from './policy-flag';

/** A bad filter is a mistake on the command line, reported before the store is opened. */
function parseFilter(expression: string | undefined): AccountPredicate | undefined {
  if (expression === undefined) return undefined;
  try {
    return parseAccountFilter(expression);
  } catch (error) {
    if (error instanceof RiskError && error.code === 'INVALID_FILTER') throw new UsageError(error.message);
    throw error;
  }
}

/** The finding that weighs most; the rules' own order (most serious first) breaks ties. */
export function topReason(account: AccountAssessment): string {
  let top = account.reasons[0];
  for (const reason of account.reasons) if (top !== undefined && reason.weight > top.weight) top = reason;
  return top?.id ?? '-';
}

function printTable(io: CliIo, accounts: readonly AccountAssessment[]): void {
  const header = ['sAMAccountName', 'type', 'risk', 'score', 'usage', 'owner', 'top reason'];
  // Highest risk first: the table is read from the top.
  const rows = [...accounts]
    .sort((a, b) => b.score - a.score || a.samAccountName.localeCompare(b.samAccountName))
    .map((a) => [a.samAccountName, a.type, a.risk, String(a.score), a.usage, a.ownerStatus, topReason(a)]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  writeLine(io.stdout, line(header));
  for (const row of rows) writeLine(io.stdout, line(row));
}

export const accountsCommand: Command = {
  words: ['accounts'],
  summary: 'Classify and score every account of a snapshot: type, owner, usage, HR outcome, risk and why',
  synopsis: '--db FILE [--filter EXPR] [--snapshot ID] [--policy FILE] [--json]',
  help: [
    '--filter EXPR               only the accounts that match, e.g. "type=service|gmsa and risk=high",',
    '                            "owner~jane", "score>=10", "reason=kerberoastable", "isNhi=true and usage!=active";',
    '                            clauses joined by "and", each FIELD OP VALUE with OP one of = != ~ !~ > >= < <=,',
    '                            alternatives separated by |, quotes around values with blanks',
    '                            fields: samAccountName name displayName dn ou isNhi enabled orphaned privileged type',
    '                            owner ownerStatus usage hr risk score groups reason tag group',
    ...assessmentHelp,
    ...storeHelp,
    'Nothing is rescanned: a policy change shows on the next run.',
    'With --json: one object per account, in objectGUID order: {"objectGuid", "samAccountName", "dn",',
    '  "displayName", "ou", "enabled", "isNhi", "type", "typeDecidedBy", "typeSignals", "owner", "ownerDn",',
    '  "ownerSource", "ownerStatus", "ownerReason", "orphaned", "usage", "lastLogonDaysAgo", "usageApproximate",',
    '  "usageReason", "hr", "risk", "score", "factors", "reasons": [{"id", "title", "factor", "effect", "weight",',
    '  "evidence"}], "groupCount", "privilegedPaths", "tags"}.',
    'type: human human-secondary service gmsa smsa dmsa bot ai-agent shared test unknown-nhi;',
    'ownerStatus: active leaver missing; usage: active dormant never-used disabled expired;',
    'hr: matched leaver matched-disabled probable ambiguous none; risk: high medium low.',
  ],
  options: { ...storeOptions, ...assessmentOptions, filter: { type: 'string' } },
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals.join(' ')}"`);
    const filter = parseFilter(stringOption(values, 'filter'));
    const policy = await policyFromFlags(values);
    const store = await openStoreFromFlags(values, io);
    try {
      const assessment = await assessFromFlags(store, values, policy);
      const accounts = filter === undefined ? assessment.accounts : assessment.accounts.filter(filter);
      if (values['json'] === true) {
        writeJson(io.stdout, accounts);
        return EXIT.ok;
      }
      const { snapshot, policy: used } = assessment;
      writeLine(
        io.stdout,
        `Snapshot ${snapshot.id} (${snapshot.finishedAt ?? snapshot.startedAt}), ${used.source} policy ${shortHash(used.hash)}`,
      );
      if (accounts.length > 0) printTable(io, accounts);
      writeLine(
        io.stdout,
        filter === undefined
          ? `${accounts.length} account(s)`
          : `${accounts.length} of ${assessment.accounts.length} account(s) match the filter`,
      );
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
