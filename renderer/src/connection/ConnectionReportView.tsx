import { Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { ConnectionReport } from './use-connection-test';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
    margin: `${tokens.spacingVerticalS} 0 0`,
  },
  row: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** msDS-Behavior-Version of the domain, as administrators know it. */
const functionalLevels: Record<number, string> = {
  0: 'Windows 2000',
  1: 'Windows Server 2003 interim',
  2: 'Windows Server 2003',
  3: 'Windows Server 2008',
  4: 'Windows Server 2008 R2',
  5: 'Windows Server 2012',
  6: 'Windows Server 2012 R2',
  7: 'Windows Server 2016',
  10: 'Windows Server 2025',
};

export function describeFunctionalLevel(level: number | null): string {
  if (level === null) return 'Not reported';
  const name = functionalLevels[level];
  return name === undefined ? `Level ${level}` : `${name} (level ${level})`;
}

function describeDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function describeCertificate(report: ConnectionReport): string {
  if (report.transport === 'ldap') return 'No: plain LDAP has no certificate';
  return report.certificateVerified ? 'Yes' : 'No: the certificate was not verified';
}

export function ConnectionReportView({ report }: { report: ConnectionReport }) {
  const styles = useStyles();
  const rows: Array<[string, string]> = [
    ['Naming context', report.defaultNamingContext],
    ['Domain controller', report.dnsHostName ?? 'Not reported'],
    ['Domain functional level', describeFunctionalLevel(report.domainFunctionality)],
    ['Certificate verified', describeCertificate(report)],
    ['Accounts counted', report.accountCount.toLocaleString()],
    ['Signed in as', report.boundAs],
    ['Address', report.url],
    ['Duration', describeDuration(report.durationMs)],
  ];
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Connected</MessageBarTitle>
        <dl className={styles.list}>
          {rows.map(([term, value]) => (
            <div key={term} className={styles.row}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
        </dl>
        {report.transport !== 'ldap' && !report.certificateVerified && (
          <Caption1 className={styles.warning}>
            Anyone between this computer and the domain controller could have read the password. Add the CA certificate
            that issued the domain controller's certificate.
          </Caption1>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
