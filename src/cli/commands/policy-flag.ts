import { assess, givenPolicy, readPolicyFile, RiskError, type Assessment, type PolicyInForce } from '../../risk';
import type { Store } from '../../store';
import { writeLine, type CliIo } from '../cli-io';
import { stringOption, type OptionSpec, type OptionValues } from '../command';
import { RESOURCES_DIR } from '../resources-dir';

/** The flags every command that reads an assessment takes: which snapshot, and a policy for this run only. */
export const assessmentOptions: OptionSpec = {
  snapshot: { type: 'string' },
  policy: { type: 'string' },
};

export const assessmentHelp = [
  '--snapshot ID               the snapshot to assess (the latest complete one by default)',
  '--policy FILE               score with this policy file for this run only; the saved policy is unchanged',
];

/**
 * Reads the --policy file before the store is opened, so a mistake in it is
 * reported without asking for the passphrase first.
 */
export async function policyFromFlags(values: OptionValues): Promise<PolicyInForce | undefined> {
  const path = stringOption(values, 'policy');
  return path === undefined ? undefined : givenPolicy(await readPolicyFile(path));
}

/** Classifies and scores the snapshot named by --snapshot (or the latest) with the given or saved policy. */
export function assessFromFlags(
  store: Store,
  values: OptionValues,
  policy: PolicyInForce | undefined,
): Promise<Assessment> {
  const snapshotId = stringOption(values, 'snapshot');
  return assess(store, {
    resourcesDir: RESOURCES_DIR,
    ...(snapshotId === undefined ? {} : { snapshotId }),
    ...(policy === undefined ? {} : { policy }),
  });
}

/** Enough of a policy's hash to tell two policies apart in a line of text. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

/** The validation problems of a refused policy, one per JSON path; the error's message when it has none (not JSON). */
export function policyIssues(error: RiskError): string[] {
  const issues = error.details?.['issues'];
  return Array.isArray(issues) && issues.length > 0 ? issues : [error.message];
}

/** A policy file that cannot be used: the reason, and every problem on its own line so none hides behind another. */
export function isPolicyRefusal(error: unknown): error is RiskError {
  return error instanceof RiskError && (error.code === 'INVALID_POLICY' || error.code === 'POLICY_UNREADABLE');
}

export function printPolicyRefusal(io: CliIo, path: string, error: RiskError): void {
  const issues = policyIssues(error);
  writeLine(io.stderr, `warden: ${path} is not a usable policy [${error.code}]:`);
  for (const issue of issues) writeLine(io.stderr, `  ${issue}`);
}

function origin(inForce: PolicyInForce): string {
  switch (inForce.source) {
    case 'saved':
      return `saved by ${inForce.savedBy ?? 'unknown'} on ${inForce.savedAt ?? 'an unknown date'}`;
    case 'default':
      return 'the bundled defaults';
    case 'file':
      return 'a file given for one run';
  }
}

/** The policy in force as an administrator checks it: where it comes from and what it decides. */
export function printPolicy(io: CliIo, inForce: PolicyInForce): void {
  const { policy } = inForce;
  const out = (text: string): void => writeLine(io.stdout, text);
  out(`Policy in force: ${origin(inForce)}`);
  out(`  sha256:            ${inForce.hash}`);
  out(
    `  risk tiers:        high from score ${policy.risk.thresholds.high}, medium from ${policy.risk.thresholds.medium} (score = criticality + sensitivity + impact, 3 to 15)`,
  );
  out(
    `  usage:             dormant after ${policy.usage.dormantDays} days, never used after ${policy.usage.neverUsedGraceDays} days' grace, lastLogonTimestamp lag ${policy.usage.lastLogonLagDays} days`,
  );
  out(
    `  passwords:         old after ${policy.risk.passwordAgeDays} days, ${policy.risk.kerberoastPasswordAgeDays} days for a Kerberoastable account`,
  );
  out(`  broad membership:  from ${policy.risk.broadMembershipGroups} groups`);
  out(
    `  type patterns:     ${policy.classification.patterns
      .map((p) => `${p.type} (${p.names.length} names, ${p.descriptions.length} descriptions, ${p.ous.length} OUs)`)
      .join(', ')}`,
  );
  out(`  sensitive groups:  ${policy.risk.sensitiveGroups.map((g) => `${g.label} ${g.level}`).join(', ') || 'none'}`);
  out(
    `  sensitive tags:    ${
      Object.entries(policy.risk.sensitiveTags)
        .map(([tag, level]) => `${tag} ${level}`)
        .join(', ') || 'none'
    }`,
  );
  out(`  break-glass:       ${policy.breakGlass.join(', ') || 'none'}`);
  out('  rules (weight):');
  for (const [id, setting] of Object.entries(policy.risk.rules)) {
    out(`    ${id.padEnd(26)} ${setting.weight}${setting.enabled ? '' : ' (disabled)'}`);
  }
}
