import { Body1, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { Anomaly } from '../risk/risk-types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  account: { fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground3 },
});

const KIND_LABELS: Record<Anomaly['kind'], string> = {
  'new-privileged-account': 'New privileged account',
  'privileged-membership-added': 'Privileged membership added',
  'leaver-enabled': 'Leaver still enabled',
  'dormant-password-change': 'Password changed on a dormant account',
  'expiry-removed': 'Expiry date removed',
};

/** At most this many are listed: the rest are counted. */
const SHOWN = 10;

/** What changed since the previous snapshot, or stands out in this one, that deserves a look. */
export function AnomalyList({ anomalies }: { anomalies: readonly Anomaly[] }) {
  const styles = useStyles();
  if (anomalies.length === 0) return null;
  return (
    <section className={styles.root} aria-label="Changes that deserve a look">
      <Subtitle2 as="h3">Changes that deserve a look ({anomalies.length.toLocaleString()})</Subtitle2>
      <ul className={styles.list}>
        {anomalies.slice(0, SHOWN).map((anomaly) => (
          <li key={`${anomaly.kind}-${anomaly.objectGuid}`}>
            <Body1>
              {KIND_LABELS[anomaly.kind]}: <span className={styles.account}>{anomaly.samAccountName}</span>
            </Body1>{' '}
            <Caption1 className={styles.muted}>{anomaly.summary}</Caption1>
          </li>
        ))}
      </ul>
      {anomalies.length > SHOWN && (
        <Caption1 className={styles.muted}>and {(anomalies.length - SHOWN).toLocaleString()} more</Caption1>
      )}
    </section>
  );
}
