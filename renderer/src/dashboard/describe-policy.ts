import type { PolicyOrigin } from '../risk/risk-types';

/** Where the risk policy in force comes from, in one line. */
export function describePolicy(policy: PolicyOrigin): string {
  if (policy.source === 'default') return 'the bundled default policy';
  if (policy.source === 'file') return 'a policy file given for this run';
  const when = policy.savedAt === null ? '' : ` on ${new Date(policy.savedAt).toLocaleString()}`;
  return `the policy saved by ${policy.savedBy ?? 'an unknown user'}${when}`;
}
