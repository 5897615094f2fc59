import { makeStyles, tokens } from '@fluentui/react-components';
import { HR_LABELS, OWNER_STATUS_LABELS, TYPE_LABELS, USAGE_LABELS } from '../risk/labels';
import { RiskBadge } from '../risk/RiskBadge';
import type { AccountRow } from '../risk/risk-types';
import type { InventoryColumn } from './inventory-types';
import { ouLabel } from './ou-label';
import { TwoLineCell } from './TwoLineCell';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
});

function describeLogon(row: AccountRow): string | undefined {
  if (row.lastLogonDaysAgo === null) return row.usage === 'disabled' ? undefined : 'no logon recorded';
  return `last logon ${row.lastLogonDaysAgo} day(s) ago`;
}

const none = (names: readonly string[]): string | undefined => (names.length === 0 ? undefined : names.join(', '));

/** What one column shows of an account. */
export function InventoryCell({ column, row }: { column: InventoryColumn; row: AccountRow }) {
  const styles = useStyles();
  switch (column) {
    case 'samAccountName':
      return (
        <TwoLineCell monospace description={row.displayName ?? undefined} title={row.dn}>
          {row.samAccountName}
        </TwoLineCell>
      );
    case 'displayName':
      return row.displayName === null ? (
        <span className={styles.muted}>None</span>
      ) : (
        <TwoLineCell>{row.displayName}</TwoLineCell>
      );
    case 'type':
      return <TwoLineCell description={row.isNhi ? 'non-human' : 'human'}>{TYPE_LABELS[row.type]}</TwoLineCell>;
    case 'identity':
      return <TwoLineCell>{row.isNhi ? 'Non-human' : 'Human'}</TwoLineCell>;
    case 'risk':
      return <RiskBadge risk={row.risk} score={row.score} />;
    case 'usage':
      return <TwoLineCell description={describeLogon(row)}>{USAGE_LABELS[row.usage]}</TwoLineCell>;
    case 'lastLogon':
      return row.lastLogonDaysAgo === null ? (
        <span className={styles.muted}>Never</span>
      ) : (
        <TwoLineCell>{`${row.lastLogonDaysAgo} day(s) ago`}</TwoLineCell>
      );
    case 'ownerStatus':
      return <TwoLineCell description={row.owner ?? undefined}>{OWNER_STATUS_LABELS[row.ownerStatus]}</TwoLineCell>;
    case 'owner':
      return row.owner === null ? <span className={styles.muted}>None</span> : <TwoLineCell>{row.owner}</TwoLineCell>;
    case 'hr':
      return <TwoLineCell>{HR_LABELS[row.hr]}</TwoLineCell>;
    case 'ou':
      return row.ou === null ? (
        <span className={styles.muted}>None</span>
      ) : (
        <TwoLineCell title={row.ou}>{ouLabel(row.ou)}</TwoLineCell>
      );
    case 'dn':
      return (
        <TwoLineCell monospace title={row.dn}>
          {row.dn}
        </TwoLineCell>
      );
    case 'enabled':
      return <TwoLineCell>{row.enabled ? 'Enabled' : 'Disabled'}</TwoLineCell>;
    case 'groups':
      return <TwoLineCell>{row.groupCount.toLocaleString()}</TwoLineCell>;
    case 'privilegedGroups': {
      const names = none(row.privilegedGroups);
      return names === undefined ? (
        <span className={styles.muted}>None</span>
      ) : (
        <TwoLineCell title={names}>{names}</TwoLineCell>
      );
    }
    case 'topFinding':
      return row.topReason === null ? (
        <span className={styles.muted}>None</span>
      ) : (
        <TwoLineCell description={row.topReason.summary} title={row.topReason.summary}>
          {row.topReason.title}
        </TwoLineCell>
      );
    case 'tags': {
      const tags = none(row.tags);
      return tags === undefined ? (
        <span className={styles.muted}>None</span>
      ) : (
        <TwoLineCell title={tags}>{tags}</TwoLineCell>
      );
    }
  }
}
