import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Reconciliation } from './outcomes';
import { Sparkline } from './Sparkline';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  term: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  value: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: 600 },
  muted: { color: tokens.colorNeutralForeground3 },
});

const ratio = (value: number | null) =>
  value === null ? '—' : `${value.toLocaleString(undefined, { maximumFractionDigits: 2 })} : 1`;

const signed = (value: number) => (value > 0 ? `+${value.toLocaleString()}` : value.toLocaleString());

function trend(values: number[], label: string, format: (value: number) => string): ReactNode {
  // One point is no course.
  if (values.length < 2) return undefined;
  const first = format(values[0] ?? 0);
  const last = format(values.at(-1) ?? 0);
  return <Sparkline values={values} label={`${label}: ${first} to ${last} over ${values.length} snapshots`} />;
}

/** The imbalance between enabled accounts and active employees, the NHI:human ratio, and how they have moved. */
export function HeadlineFigures({ reconciliation }: { reconciliation: Reconciliation }) {
  const styles = useStyles();
  const { figures } = reconciliation;
  const history = [...reconciliation.history].sort((a, b) => a.snapshotStartedAt.localeCompare(b.snapshotStartedAt));
  const imbalances = history.map((entry) => entry.figures.imbalance);
  const ratios = history.flatMap((entry) => (entry.figures.nhiPerHuman === null ? [] : [entry.figures.nhiPerHuman]));

  const items: { term: string; value: string; note: string; chart?: ReactNode }[] = [
    { term: 'Enabled accounts', value: figures.enabledAccounts.toLocaleString(), note: 'in the snapshot' },
    { term: 'Active employees', value: figures.activeEmployees.toLocaleString(), note: 'people who have not left' },
    {
      term: 'Imbalance',
      value: signed(figures.imbalance),
      note: 'enabled accounts minus active employees',
      chart: trend(imbalances, 'Imbalance', signed),
    },
    {
      term: 'NHI per human',
      value: ratio(figures.nhiPerHuman),
      note: `${figures.nhiAccounts.toLocaleString()} without a person, ${figures.humanAccounts.toLocaleString()} with one, ${figures.undecidedAccounts.toLocaleString()} undecided`,
      chart: trend(ratios, 'NHI per human', ratio),
    },
  ];

  return (
    <dl className={styles.grid} aria-label="Headline figures">
      {items.map((item) => (
        <div key={item.term} className={styles.card}>
          <dt className={styles.term}>{item.term}</dt>
          <dd className={styles.detail}>
            <span className={styles.value}>{item.value}</span>
            <Caption1 className={styles.muted}>{item.note}</Caption1>
            {item.chart}
          </dd>
        </div>
      ))}
    </dl>
  );
}
