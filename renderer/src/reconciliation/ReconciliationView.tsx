import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Pager } from '../components/Pager';
import { AccountOutcomesTable } from './AccountOutcomesTable';
import { EmployeesWithoutAccountTable } from './EmployeesWithoutAccountTable';
import { HeadlineFigures } from './HeadlineFigures';
import { OutcomeTabs } from './OutcomeTabs';
import { BUCKETS, type AccountResult, type Bucket, type MatchDecisionKind, type Reconciliation } from './outcomes';
import { ACCOUNTS_PAGE_SIZE } from './use-reconciliation';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  bucket: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  description: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  reconciliation: Reconciliation;
  bucket: Bucket;
  offset: number;
  onBucket: (bucket: Bucket) => void;
  onOffset: (offset: number) => void;
  onDecide: (account: AccountResult, decision: MatchDecisionKind) => void;
}

/** The figures, the buckets with their counts, and what the chosen bucket holds. */
export function ReconciliationView({ reconciliation, bucket, offset, onBucket, onOffset, onDecide }: Props) {
  const styles = useStyles();
  const [employeeOffset, setEmployeeOffset] = useState(0);
  const chosen = BUCKETS.find((entry) => entry.bucket === bucket) ?? BUCKETS[0];
  const { accounts, employees } = reconciliation;
  return (
    <div className={styles.root}>
      <HeadlineFigures reconciliation={reconciliation} />
      <OutcomeTabs figures={reconciliation.figures} selected={bucket} onSelect={onBucket} />
      <section className={styles.bucket} aria-label={chosen?.label}>
        <Body1 className={styles.description}>{chosen?.description}</Body1>
        {bucket === 'no-account' ? (
          <>
            <EmployeesWithoutAccountTable
              employees={employees.slice(employeeOffset, employeeOffset + ACCOUNTS_PAGE_SIZE)}
            />
            <Pager
              noun="employees"
              total={employees.length}
              offset={employeeOffset}
              pageSize={ACCOUNTS_PAGE_SIZE}
              onOffset={setEmployeeOffset}
            />
          </>
        ) : (
          <>
            <AccountOutcomesTable
              label={`${chosen?.label ?? ''} accounts`}
              accounts={accounts.items}
              onDecide={onDecide}
            />
            <Pager
              noun="accounts"
              total={accounts.total}
              offset={offset}
              pageSize={ACCOUNTS_PAGE_SIZE}
              onOffset={onOffset}
            />
          </>
        )}
      </section>
    </div>
  );
}
