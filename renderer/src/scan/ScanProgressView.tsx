import { Body1, Button, Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { ScanProgress } from './use-profile-scan';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL, margin: 0 },
  count: { display: 'flex', gap: tokens.spacingHorizontalXS },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  cancel: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

const phaseWords: Record<ScanProgress['phase'], string> = {
  connecting: 'Connecting to the domain controller…',
  binding: 'Signing in with the bind account…',
  'reading-rootdse': 'Reading what the domain controller says about itself…',
  accounts: 'Reading accounts…',
  groups: 'Reading groups…',
  memberships: 'Working out who is a member of what…',
  finishing: 'Saving the snapshot…',
};

/** A share of the bar when the core can estimate the total (from the last snapshot); otherwise work just goes on. */
function progressValue(progress: ScanProgress | undefined): number | undefined {
  if (progress?.estimatedTotal === undefined || progress.estimatedTotal === 0) return undefined;
  return Math.min((progress.accounts + progress.groups) / progress.estimatedTotal, 1);
}

interface Props {
  progress: ScanProgress | undefined;
  cancelling: boolean;
  onCancel: () => void;
}

/** A running scan: where it is, how much it has read, how fast, and the way to stop it. */
export function ScanProgressView({ progress, cancelling, onCancel }: Props) {
  const styles = useStyles();
  const status = cancelling ? 'Cancelling…' : phaseWords[progress?.phase ?? 'connecting'];
  const counts: [string, number][] = [
    ['Accounts read', progress?.accounts ?? 0],
    ['Groups read', progress?.groups ?? 0],
    ['Objects per second', progress?.ratePerSecond ?? 0],
  ];

  return (
    <div className={styles.root}>
      <Field label="Progress" validationMessage={status} validationState="none">
        <ProgressBar value={progressValue(progress)} thickness="large" />
      </Field>
      <dl className={styles.counts} aria-label="Read so far">
        {counts.map(([term, value]) => (
          <div key={term} className={styles.count}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      <div className={styles.cancel}>
        <Button icon={<Dismiss20Regular />} onClick={onCancel} disabled={cancelling}>
          Cancel scan
        </Button>
        <Body1 className={styles.muted}>Cancelling keeps the previous snapshot current.</Body1>
      </div>
    </div>
  );
}
