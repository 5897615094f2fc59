import { Body1, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { FACTOR_LABELS } from '../risk/labels';
import type { Finding } from '../risk/risk-types';
import { FactList } from './FactList';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  values: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  label: { fontWeight: tokens.fontWeightSemibold },
});

type DetailValue = NonNullable<Finding['evidence']['details']>[string];

/** "passwordAgeDays" reads "Password age days". */
function termOf(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function ValueOf({ value }: { value: DetailValue }) {
  const styles = useStyles();
  if (Array.isArray(value)) {
    return (
      <ul className={styles.values}>
        {value.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    );
  }
  if (value === null) return <>none</>;
  return <>{typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value)}</>;
}

/** One rule that fired: what it found, why it matters and what to do. */
export function FindingCard({ finding }: { finding: Finding }) {
  const styles = useStyles();
  const effect = finding.effect === 'level' ? `level ${finding.weight}` : `+${finding.weight} point(s)`;
  const details = Object.entries(finding.evidence.details ?? {});
  return (
    <article className={styles.root} aria-label={finding.title}>
      <Text as="h4" className={styles.title}>
        {finding.title}
      </Text>
      <Caption1 className={styles.muted}>
        {FACTOR_LABELS[finding.factor]} · {effect} · rule {finding.id}
      </Caption1>
      <Body1>{finding.evidence.summary}</Body1>
      {details.length > 0 && (
        <FactList
          label={`Evidence of ${finding.title}`}
          facts={details.map(([key, value]) => [termOf(key), <ValueOf key={key} value={value} />])}
        />
      )}
      <Body1>
        <span className={styles.label}>Why it matters: </span>
        {finding.rationale}
      </Body1>
      <Body1>
        <span className={styles.label}>What to do: </span>
        {finding.remediation}
      </Body1>
    </article>
  );
}
