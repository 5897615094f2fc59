import {
  Badge,
  Body1,
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { ContainmentPlan, PlannedAccount } from './kill-switch-types';
import { GUARDRAIL_LABELS } from './labels';
import { StateFacts } from './StateFacts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  table: { tableLayout: 'auto' },
  scroll: { maxHeight: '360px', overflowY: 'auto' },
});

/** Shown in full up to this many accounts; beyond, the table scrolls. */
const PREVIEW_ROWS = 500;

function verdict(account: PlannedAccount): { text: string; color: 'success' | 'warning' | 'danger' | 'informative' } {
  if (account.refusal !== null) {
    return { text: `refused: ${GUARDRAIL_LABELS[account.refusal.guardrail]}`, color: 'warning' };
  }
  if (account.problem !== null) return { text: 'cannot be read', color: 'danger' };
  if (account.steps.every((step) => step.noOp)) return { text: 'already contained', color: 'informative' };
  return { text: 'will change', color: 'success' };
}

interface Props {
  plan: ContainmentPlan;
}

/** What Confirm will do: each account as AD has it now, each step or why it is a no-op, and what is refused. */
export function PlanPreview({ plan }: Props) {
  const styles = useStyles();
  const { counts } = plan;
  return (
    <section className={styles.root} aria-label="Plan">
      <Body1>
        Bound as <span className={styles.mono}>{plan.boundAs}</span> on {plan.dc}: {counts.willChange} will change,{' '}
        {counts.alreadyContained} already contained, {counts.refused} refused, {counts.problems} cannot be read. Nothing
        has changed yet.
      </Body1>
      {plan.notes.length > 0 && (
        <ul className={styles.list} aria-label="Notes on the plan">
          {plan.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <div className={styles.scroll}>
        <Table size="small" className={styles.table} aria-label="Planned accounts">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Account</TableHeaderCell>
              <TableHeaderCell>Plan</TableHeaderCell>
              <TableHeaderCell>Steps</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.accounts.slice(0, PREVIEW_ROWS).map((account) => {
              const { text, color } = verdict(account);
              return (
                <TableRow key={account.objectGuid}>
                  <TableCell>
                    <div className={styles.mono}>{account.samAccountName}</div>
                    {account.state !== null && (
                      <details open={plan.accounts.length === 1}>
                        <summary>Prior state</summary>
                        <StateFacts state={account.state} label={`Prior state of ${account.samAccountName}`} />
                      </details>
                    )}
                  </TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={color}>
                      {text}
                    </Badge>
                    {account.refusal !== null && <Caption1 as="p">{account.refusal.message}</Caption1>}
                    {account.problem !== null && <Caption1 as="p">{account.problem}</Caption1>}
                  </TableCell>
                  <TableCell>
                    <ul className={styles.list}>
                      {account.steps.map((step) => (
                        <li key={step.step} className={step.noOp ? styles.muted : undefined}>
                          {step.summary}
                          {step.noOp ? ' (no-op)' : ''}
                        </li>
                      ))}
                      {account.notes.map((note) => (
                        <li key={note} className={styles.muted}>
                          {note}
                        </li>
                      ))}
                    </ul>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {plan.accounts.length > PREVIEW_ROWS && (
        <Caption1 className={styles.muted}>
          The first {PREVIEW_ROWS.toLocaleString()} of {plan.accounts.length.toLocaleString()} accounts are listed.
        </Caption1>
      )}
    </section>
  );
}
