import { makeStyles, tokens } from '@fluentui/react-components';
import type { AccountState } from './kill-switch-types';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

interface Props {
  state: AccountState;
  label: string;
}

/** An account's state as AD had it: what a containment changes and an undo puts back. */
export function StateFacts({ state, label }: Props) {
  const styles = useStyles();
  const facts: [string, string][] = [
    ['DN', state.dn],
    ['Enabled', state.enabled ? 'Yes' : 'No'],
    ['Groups', state.groups.length === 0 ? 'None' : state.groups.join('; ')],
    ['Primary group', state.primaryGroupDn ?? '—'],
    ['Description', state.description ?? '—'],
    ['Info', state.info ?? '—'],
  ];
  return (
    <dl className={styles.list} aria-label={label}>
      {facts.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={`${styles.value} ${term === 'DN' || term === 'Groups' ? styles.mono : ''}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
