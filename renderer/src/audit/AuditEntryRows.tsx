import { Badge, Button, makeStyles, TableCell, TableRow, tokens } from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronRight16Regular } from '@fluentui/react-icons';
import type { AuditEntry } from '../kill-switch/kill-switch-types';
import { AuditStateView } from './AuditStateView';

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  detail: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase300 },
});

const RESULT_COLORS: Record<string, 'success' | 'warning' | 'danger'> = {
  done: 'success',
  ok: 'success',
  refused: 'warning',
  denied: 'danger',
  failed: 'danger',
};

interface Props {
  entry: AuditEntry;
  expanded: boolean;
  onToggle: () => void;
}

/** One audit entry, and under it, when expanded, the state before and after. */
export function AuditEntryRows({ entry, expanded, onToggle }: Props) {
  const styles = useStyles();
  return (
    <>
      <TableRow>
        <TableCell>
          <Button
            appearance="subtle"
            size="small"
            icon={expanded ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
            aria-expanded={expanded}
            aria-label={`${expanded ? 'Hide' : 'Show'} the state before and after of entry ${entry.seq}`}
            onClick={onToggle}
          />
          {entry.seq}
        </TableCell>
        <TableCell>{new Date(entry.at).toLocaleString()}</TableCell>
        <TableCell className={styles.mono}>{entry.actor}</TableCell>
        <TableCell className={styles.mono}>{entry.action}</TableCell>
        <TableCell className={styles.mono}>{entry.target ?? '—'}</TableCell>
        <TableCell>{entry.reason ?? '—'}</TableCell>
        <TableCell>
          <Badge appearance="tint" color={RESULT_COLORS[entry.result] ?? 'informative'}>
            {entry.result}
          </Badge>
        </TableCell>
      </TableRow>
      {expanded && (
        <TableRow>
          <TableCell colSpan={7}>
            <div className={styles.detail}>
              <section aria-label={`State before, entry ${entry.seq}`}>
                <h3 className={styles.heading}>Before</h3>
                <AuditStateView value={entry.before} label={`State before, entry ${entry.seq}`} />
              </section>
              <section aria-label={`State after, entry ${entry.seq}`}>
                <h3 className={styles.heading}>After</h3>
                <AuditStateView value={entry.after} label={`State after, entry ${entry.seq}`} />
              </section>
            </div>
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
