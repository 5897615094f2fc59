import { hasUacFlag } from '../directory/uac-flags';
import type { PrivilegedTier } from '../inventory/privileged-groups';
import type { AccountMetadata, AssessmentAccount, AssessmentEdge, AssessmentGroup, AssessmentPath } from '../store';
import { classifyType, type Signal, type TypeVerdict } from './classify-type';
import type { CompiledPolicy } from './compiled-policy';
import type { AccountFacts } from './facts';
import { groupReach } from './group-reach';
import { OwnerDirectory, resolveOwner, type OwnerVerdict } from './owner';
import { RULES } from './rules';
import { scoreAccount, type Finding } from './score';
import { usageOf } from './usage';
import { isNhiType, type HrValue, type OwnerStatus, type RiskFactor, type RiskTier, type Usage } from './vocabulary';

/** Everything the stage reads about one snapshot, loaded beforehand. */
export interface AssessmentData {
  /** The snapshot's time, in ms: ages and dormancy are measured from it. */
  asOf: number;
  /** False when no HR list has reconciled the snapshot: then "no HR match" proves nothing. */
  hrReconciled: boolean;
  accounts: readonly AssessmentAccount[];
  groups: readonly AssessmentGroup[];
  edges: readonly AssessmentEdge[];
  paths: readonly AssessmentPath[];
  metadata: ReadonlyMap<string, AccountMetadata>;
}

export interface PrivilegedPathView {
  groupGuid: string;
  /** The privileged group's DN. */
  group: string;
  tier: PrivilegedTier;
  /** From the account's own group up to the privileged group, as DNs. */
  path: string[];
  viaPrimaryGroup: boolean;
}

/** One account's classification and risk: the accounts contract and the detail behind it. */
export interface AccountAssessment {
  objectGuid: string;
  samAccountName: string;
  dn: string;
  displayName: string | null;
  ou: string | null;
  enabled: boolean;
  isNhi: boolean;
  type: TypeVerdict['type'];
  typeDecidedBy: TypeVerdict['decidedBy'];
  typeSignals: Signal[];
  owner: string | null;
  ownerDn: string | null;
  ownerSource: OwnerVerdict['source'];
  ownerStatus: OwnerStatus;
  ownerReason: string;
  /** A non-human account whose owner is not active. */
  orphaned: boolean;
  usage: Usage;
  lastLogonDaysAgo: number | null;
  usageApproximate: boolean;
  usageReason: string;
  hr: HrValue;
  risk: RiskTier;
  score: number;
  factors: Record<RiskFactor, number>;
  reasons: Finding[];
  groupCount: number;
  privilegedPaths: PrivilegedPathView[];
  tags: string[];
}

function hrValue(account: AssessmentAccount): HrValue {
  const outcome = account.hrOutcome;
  return outcome === null || outcome === 'human' ? 'none' : outcome;
}

/** Classifies and scores every account of a snapshot; pure, so a policy change only needs this to run again. */
export function assessAccounts(data: AssessmentData, compiled: CompiledPolicy): AccountAssessment[] {
  const policy = compiled.policy;
  const reach = groupReach(data, compiled);
  const directory = new OwnerDirectory(data.accounts, data.groups);
  return data.accounts.map((account, index) => {
    const metadata = data.metadata.get(account.objectGuid);
    const manual = metadata?.type;
    const type = classifyType(
      {
        account,
        hrReconciled: data.hrReconciled,
        manual: manual === undefined ? undefined : { value: manual.value, actor: manual.actor, reason: manual.reason },
      },
      compiled,
    );
    const isNhi = isNhiType(type.type);
    const owner = resolveOwner(account, metadata?.owner?.value, directory);
    const usage = usageOf(account, data.asOf, policy.usage);
    const groups = reach[index] ?? { groupCount: 0, privileged: [], sensitive: [] };
    const tags = metadata?.tags?.value ?? [];
    const facts: AccountFacts = {
      account,
      enabled: !hasUacFlag(account.userAccountControl, 'ACCOUNTDISABLE'),
      type,
      isNhi,
      owner,
      usage,
      privileged: groups.privileged,
      groupCount: groups.groupCount,
      sensitive: groups.sensitive,
      tags,
      asOf: data.asOf,
      policy,
    };
    const verdict = scoreAccount(facts, RULES);
    return {
      objectGuid: account.objectGuid,
      samAccountName: account.samAccountName,
      dn: account.dn,
      displayName: account.displayName,
      ou: account.ou,
      enabled: facts.enabled,
      isNhi,
      type: type.type,
      typeDecidedBy: type.decidedBy,
      typeSignals: type.signals,
      owner: owner.owner,
      ownerDn: owner.ownerDn,
      ownerSource: owner.source,
      ownerStatus: owner.status,
      ownerReason: owner.reason,
      orphaned: isNhi && owner.status !== 'active',
      usage: usage.usage,
      lastLogonDaysAgo: usage.lastLogonDaysAgo,
      usageApproximate: usage.approximate,
      usageReason: usage.reason,
      hr: hrValue(account),
      risk: verdict.risk,
      score: verdict.score,
      factors: verdict.factors,
      reasons: verdict.reasons,
      groupCount: groups.groupCount,
      privilegedPaths: groups.privileged.map((membership) => ({
        groupGuid: membership.groupGuid,
        group: membership.groupDn,
        tier: membership.tier,
        path: [...membership.pathDns],
        viaPrimaryGroup: membership.viaPrimaryGroup,
      })),
      tags: [...tags],
    };
  });
}
