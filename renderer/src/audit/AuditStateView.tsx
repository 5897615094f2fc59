import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { StateFacts } from '../kill-switch/StateFacts';
import { asAccountState } from '../kill-switch/recorded-state';

const useStyles = makeStyles({
  pre: {
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    maxHeight: '320px',
    overflowY: 'auto',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  value: unknown;
  label: string;
}

/**
 * A state an entry recorded: an account's as facts when it is one (the kill
 * switch records them before and, inside its outcome, after), else as written.
 */
export function AuditStateView({ value, label }: Props) {
  const styles = useStyles();
  if (value === null || value === undefined) return <Caption1 className={styles.muted}>Nothing recorded.</Caption1>;
  const direct = asAccountState(value);
  const nested =
    typeof value === 'object' && 'state' in value ? asAccountState((value as { state: unknown }).state) : undefined;
  const state = direct ?? nested;
  return (
    <>
      {state !== undefined && <StateFacts state={state} label={label} />}
      {direct === undefined && (
        <pre className={styles.pre} aria-label={`${label}, as recorded`}>
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </>
  );
}
