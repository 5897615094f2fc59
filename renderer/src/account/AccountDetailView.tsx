import { Badge, Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { FACTOR_LABELS, HR_LABELS, OWNER_STATUS_LABELS, TYPE_LABELS, USAGE_LABELS, valuesOf } from '../risk/labels';
import { RiskBadge } from '../risk/RiskBadge';
import type { AccountAssessment, AccountDetail } from '../risk/risk-types';
import { DetailSection } from './DetailSection';
import { ExactLastLogonButton } from './ExactLastLogonButton';
import { KillSwitchActions } from '../kill-switch/KillSwitchActions';
import { useSession } from '../app/session';
import { FactList } from './FactList';
import { FindingCard } from './FindingCard';
import { MetadataEditor } from './MetadataEditor';
import { PrivilegedPaths } from './PrivilegedPaths';
import { UsageHistoryTable } from './UsageHistoryTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column' },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  signals: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  findings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

const DECIDED_BY: Record<AccountAssessment['typeDecidedBy'], string> = {
  hand: 'set by hand in Warden',
  'object-class': 'its object class',
  hr: 'the HR list',
  pattern: 'a pattern of the policy',
  spn: 'its service principal names',
  'weak-signals': 'weak signals only',
};

const OWNER_SOURCES: Record<NonNullable<AccountAssessment['ownerSource']>, string> = {
  warden: 'set in Warden',
  manager: 'the manager attribute',
  managedBy: 'the managedBy attribute',
};

interface Props {
  detail: AccountDetail;
  onSaved: (detail: AccountDetail) => void;
}

/** Everything Warden found about one account, and the facts an administrator may set over it. */
export function AccountDetailView({ detail, onSaved }: Props) {
  const styles = useStyles();
  const { account } = detail;
  const objectGuids = useMemo(() => [account.objectGuid], [account.objectGuid]);
  const { appInfo } = useSession();
  return (
    <div className={styles.root}>
      <DetailSection title="Identity">
        <FactList
          label="Identity"
          facts={[
            ['sAMAccountName', <span className={styles.mono}>{account.samAccountName}</span>],
            ['Display name', account.displayName],
            ['DN', <span className={styles.mono}>{account.dn}</span>],
            ['State', account.enabled ? 'Enabled' : 'Disabled'],
            ['objectGUID', <span className={styles.mono}>{account.objectGuid}</span>],
            ['Groups', `${account.groupCount.toLocaleString()}, directly or through nesting`],
          ]}
        />
      </DetailSection>

      <DetailSection title="Kill switch">
        <KillSwitchActions
          key={account.objectGuid}
          objectGuid={account.objectGuid}
          samAccountName={account.samAccountName}
          {...(appInfo.isDemo ? { unavailable: 'The demo domain has no directory to change.' } : {})}
        />
      </DetailSection>

      <DetailSection title="Risk">
        <div className={styles.line}>
          <RiskBadge risk={account.risk} score={account.score} />
          <Caption1 className={styles.muted}>score out of 15: the sum of the three factors</Caption1>
        </div>
        <FactList
          label="Risk factors"
          facts={valuesOf(FACTOR_LABELS).map((factor) => [FACTOR_LABELS[factor], `${account.factors[factor]} of 5`])}
        />
      </DetailSection>

      <DetailSection title="Type">
        <Body1>
          {TYPE_LABELS[account.type]} ({account.isNhi ? 'non-human identity' : 'human account'}), decided by{' '}
          {DECIDED_BY[account.typeDecidedBy]}.
        </Body1>
        {account.typeSignals.length > 0 && (
          <ul className={styles.signals} aria-label="Type signals">
            {account.typeSignals.map((signal, index) => (
              <li key={`${signal.id}-${index}`}>{signal.text}</li>
            ))}
          </ul>
        )}
        <MetadataEditor key={detail.metadata.type?.decidedAt ?? 'none'} kind="type" detail={detail} onSaved={onSaved} />
      </DetailSection>

      <DetailSection title="Owner">
        <div className={styles.line}>
          <Body1>{account.owner ?? 'No owner'}</Body1>
          <Badge
            appearance="tint"
            color={
              account.ownerStatus === 'active' ? 'success' : account.ownerStatus === 'leaver' ? 'warning' : 'danger'
            }
          >
            {OWNER_STATUS_LABELS[account.ownerStatus]}
          </Badge>
          {account.orphaned && (
            <Badge appearance="outline" color="danger">
              Orphaned
            </Badge>
          )}
        </div>
        <Caption1 className={styles.muted}>
          {account.ownerReason}
          {account.ownerSource === null ? '' : `; from ${OWNER_SOURCES[account.ownerSource]}`}
        </Caption1>
        <MetadataEditor
          key={detail.metadata.owner?.decidedAt ?? 'none'}
          kind="owner"
          detail={detail}
          onSaved={onSaved}
        />
      </DetailSection>

      <DetailSection title="Usage and HR">
        <div className={styles.line}>
          <Body1>{USAGE_LABELS[account.usage]}</Body1>
          {account.usageApproximate && (
            <Badge appearance="outline" color="warning">
              Approximate
            </Badge>
          )}
        </div>
        <Caption1 className={styles.muted}>{account.usageReason}</Caption1>
        {/* Keyed by account and snapshot: an answer about one is never shown for another. */}
        <ExactLastLogonButton
          key={`${detail.snapshotId}:${account.objectGuid}`}
          objectGuids={objectGuids}
          snapshotId={detail.snapshotId}
          subjectName={account.samAccountName}
          prominent={account.usageApproximate}
        />
        {detail.usageHistory.length > 1 ? (
          <UsageHistoryTable samAccountName={account.samAccountName} history={detail.usageHistory} />
        ) : (
          <Caption1 className={styles.muted}>
            Usage across snapshots shows from the next scan of this source that still holds the account.
          </Caption1>
        )}
        <FactList label="HR" facts={[['HR outcome', HR_LABELS[account.hr]]]} />
      </DetailSection>

      <DetailSection title="Privileged groups">
        <PrivilegedPaths samAccountName={account.samAccountName} paths={account.privilegedPaths} />
      </DetailSection>

      <DetailSection title={`Findings (${account.reasons.length})`}>
        {account.reasons.length === 0 ? (
          <Body1>No rule found anything on this account.</Body1>
        ) : (
          <div className={styles.findings}>
            {account.reasons.map((finding) => (
              <FindingCard key={finding.id} finding={finding} />
            ))}
          </div>
        )}
      </DetailSection>

      <DetailSection title="Tags">
        <Body1>{account.tags.length === 0 ? 'No tags.' : account.tags.join(', ')}</Body1>
        <MetadataEditor key={detail.metadata.tags?.decidedAt ?? 'none'} kind="tags" detail={detail} onSaved={onSaved} />
      </DetailSection>
    </div>
  );
}
