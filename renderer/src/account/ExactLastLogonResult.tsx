import {
  Badge,
  Body1,
  Caption1,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
  useId,
} from '@fluentui/react-components';
import { USAGE_LABELS } from '../risk/labels';
import { FactList } from './FactList';
import type { ExactLastLogonAccount, ExactLastLogonReport } from './use-exact-last-logon';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  account: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  note: { display: 'block', margin: 0, color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  silentDcs: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const DC_SOURCES: Record<ExactLastLogonReport['dcSource'], string> = {
  dns: 'the domain controllers the domain advertises in DNS',
  target: 'the profile’s own domain controller, the only one known',
  given: 'the domain controllers given',
};

type Verdict = ExactLastLogonAccount['verdict'];

function verdictWords(verdict: Verdict): string {
  return `${USAGE_LABELS[verdict.usage]}${verdict.approximate ? ' (approximate)' : ''}`;
}

function when(iso: string | null, never: string): string {
  return iso === null ? never : dateTime.format(new Date(iso));
}

function daysWords(days: number | null): string {
  if (days === null) return '';
  if (days <= 0) return ' (today)';
  return days === 1 ? ' (1 day ago)' : ` (${days.toLocaleString()} days ago)`;
}

interface AccountResultProps {
  account: ExactLastLogonAccount;
  report: ExactLastLogonReport;
  /** Several accounts were asked about: each is headed by its name. */
  named: boolean;
}

function AccountResult({ account, report, named }: AccountResultProps) {
  const styles = useStyles();
  const headingId = useId('exact-last-logon-account');
  const answered = account.perDc.filter((dc) => dc.error === undefined).length;
  const holds = !account.verdictChanged;
  const badge =
    answered === 0
      ? { color: 'informative' as const, text: 'Not checked' }
      : holds
        ? { color: 'success' as const, text: 'Verdict holds' }
        : { color: 'warning' as const, text: 'Verdict changed' };
  return (
    <section
      className={styles.account}
      {...(named
        ? { 'aria-labelledby': headingId }
        : { 'aria-label': `Exact last logon of ${account.samAccountName}` })}
    >
      {named && (
        <Subtitle2 as="h4" id={headingId} className={styles.mono}>
          {account.samAccountName}
        </Subtitle2>
      )}
      <div className={styles.line}>
        <Badge appearance="tint" color={badge.color}>
          {badge.text}
        </Badge>
        <Body1>
          {answered === 0
            ? `${verdictWords(account.snapshotVerdict)}, as the snapshot says: no domain controller gave its lastLogon`
            : holds
              ? `${verdictWords(account.verdict)}, as the snapshot said`
              : `${verdictWords(account.snapshotVerdict)} in the snapshot, ${verdictWords(account.verdict)} now`}
        </Body1>
      </div>
      <Caption1 className={styles.muted}>{account.verdict.reason}</Caption1>
      <FactList
        label={`Last logon of ${account.samAccountName}`}
        facts={[
          [
            'Last logon known',
            `${when(account.lastLogonKnown, 'Never')}${daysWords(account.daysAgo)}${answered === 0 ? ', as the snapshot has it' : ''}`,
          ],
          [
            'How sure',
            account.exact
              ? 'Exact: every domain controller answered'
              : `Not exact: ${answered} of ${report.dcsAsked} domain controllers answered, and a later logon may be on one that did not`,
          ],
          [
            'lastLogonTimestamp (replicated)',
            answered === 0 ? 'Not read' : when(account.lastLogonTimestamp, 'Never recorded'),
          ],
        ]}
      />
      <Table size="small" aria-label={`lastLogon of ${account.samAccountName} on each domain controller`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Domain controller</TableHeaderCell>
            <TableHeaderCell>lastLogon</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {account.perDc.map((dc) => (
            <TableRow key={`${dc.host}:${dc.port}`}>
              <TableCell className={styles.mono}>
                {dc.host}:{dc.port}
              </TableCell>
              <TableCell>
                {dc.error === undefined ? (
                  when(dc.lastLogon, 'Never recorded on this DC')
                ) : (
                  <span className={styles.error}>No answer: {dc.error}</span>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

/**
 * What every domain controller said: how many answered, and for each account
 * the value each DC holds (or why it gave none) and whether the snapshot's
 * usage verdict holds.
 */
export function ExactLastLogonResult({ report }: { report: ExactLastLogonReport }) {
  const styles = useStyles();
  const silent = report.domainControllers.filter((dc) => !dc.answered);
  return (
    <div className={styles.root}>
      <div>
        <Body1>
          {report.dcsAnswered.toLocaleString()} of {report.dcsAsked.toLocaleString()} domain controller
          {report.dcsAsked === 1 ? '' : 's'} answered ({DC_SOURCES[report.dcSource]}).
        </Body1>
        {report.discoveryError !== undefined && (
          <Caption1 as="p" className={styles.note}>
            Why no other was asked: {report.discoveryError}
          </Caption1>
        )}
        {silent.length > 0 && (
          <ul className={styles.silentDcs} aria-label="Domain controllers that gave no answer">
            {silent.map((dc) => (
              <li key={`${dc.host}:${dc.port}`} className={styles.error}>
                {dc.host}:{dc.port}: {dc.error ?? 'no answer'}
              </li>
            ))}
          </ul>
        )}
      </div>
      {report.accounts.map((account) => (
        <AccountResult key={account.objectGuid} account={account} report={report} named={report.accounts.length > 1} />
      ))}
    </div>
  );
}
