import { Body1, Button, makeStyles, Spinner, Subtitle1, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import { call } from '../api/warden-client';
import { useWardenQuery } from '../api/use-warden-query';
import { useNavigation } from '../app/navigation';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import type { AccountQuery } from '../risk/risk-types';
import { AccountTypeChart } from './AccountTypeChart';
import { AnomalyList } from './AnomalyList';
import { describePolicy } from './describe-policy';
import { DormancyChart } from './DormancyChart';
import { EmployeesChart } from './EmployeesChart';
import { OwnerCoverageChart } from './OwnerCoverageChart';
import { RiskTierChart } from './RiskTierChart';
import { RiskTrendChart } from './RiskTrendChart';

const loadOverview = () => call('getRiskOverview', {});

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
});

/** The latest snapshot's classification and risk as charts; each bar or segment opens the Inventory on it. */
export function RiskOverviewSection() {
  const styles = useStyles();
  const { navigate } = useNavigation();
  const { data, error, loading, reload } = useWardenQuery(loadOverview);
  const open = useCallback((query: AccountQuery) => navigate({ page: 'inventory', query }), [navigate]);
  const openReconciliation = useCallback(() => navigate({ page: 'reconciliation' }), [navigate]);

  return (
    <section className={styles.root} aria-label="Risk overview">
      <Subtitle1 as="h2">Risk overview</Subtitle1>
      {error !== undefined && (
        <ErrorMessageBar
          title="The accounts could not be assessed"
          error={error}
          actions={<Button onClick={reload}>Try again</Button>}
        />
      )}
      {data === undefined ? (
        loading && <Spinner label="Assessing the accounts…" />
      ) : (
        <>
          <Body1 className={styles.intro}>
            {data.summary.accounts.toLocaleString()} accounts classified and scored with {describePolicy(data.policy)}.
          </Body1>
          <div className={styles.grid}>
            <RiskTierChart summary={data.summary} open={open} />
            <AccountTypeChart summary={data.summary} open={open} />
            <DormancyChart summary={data.summary} open={open} />
            <OwnerCoverageChart summary={data.summary} open={open} />
            <EmployeesChart summary={data.summary} open={open} openReconciliation={openReconciliation} />
            <RiskTrendChart trend={data.trend} />
          </div>
          <AnomalyList anomalies={data.anomalies} />
        </>
      )}
    </section>
  );
}
