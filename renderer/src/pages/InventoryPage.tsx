import { Button, Caption1, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { Bot48Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { AccountDrawer } from '../account/AccountDrawer';
import { ConnectButton } from '../components/ConnectButton';
import { DemoDomainButton } from '../components/DemoDomainButton';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { AccountsTable } from '../inventory/AccountsTable';
import { FilterBar } from '../inventory/FilterBar';
import { FilterChips } from '../inventory/FilterChips';
import { ACCOUNTS_PAGE_SIZE, useAssessedAccounts } from '../inventory/use-assessed-accounts';
import type { AccountQuery, AccountRow } from '../risk/risk-types';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function InventoryPage({ initialQuery }: { initialQuery: AccountQuery }) {
  const styles = useStyles();
  const accounts = useAssessedAccounts(initialQuery);
  const { data, error, loading, reload, query, setQuery } = accounts;
  const [open, setOpen] = useState<AccountRow | undefined>(undefined);
  // Where every new store starts, not a failure: an empty state, not an alert.
  const noSnapshot = error?.code === 'NO_SNAPSHOT';

  if (noSnapshot) {
    return (
      <>
        <PageHeader
          title="Inventory"
          subtitle="Every account Warden has read from the directory, classified and scored."
        />
        <EmptyState
          icon={<Bot48Regular />}
          title="No accounts inventoried yet"
          actions={
            <>
              <ConnectButton from="inventory" />
              <DemoDomainButton />
            </>
          }
        >
          <p>
            Service accounts, managed service accounts (sMSA and gMSA), bots and agent identities will be listed here,
            with their owner, group memberships, last logon, password age and the privileges they reach.
          </p>
          <p>Connect to a domain to take the first inventory.</p>
        </EmptyState>
      </>
    );
  }

  return (
    <div className={styles.stack}>
      <PageHeader
        title="Inventory"
        subtitle="Every account Warden has read from the directory, classified and scored."
      />
      <FilterBar query={query} onChange={setQuery} />
      <FilterChips query={query} onChange={setQuery} />
      {error !== undefined && (
        <ErrorMessageBar
          title={
            error.code === 'INVALID_FILTER'
              ? 'The filter expression could not be read'
              : 'The accounts could not be listed'
          }
          error={error}
          actions={error.code === 'INVALID_FILTER' ? undefined : <Button onClick={reload}>Try again</Button>}
        />
      )}
      {data === undefined ? (
        loading && <Spinner label="Assessing the accounts…" />
      ) : (
        <>
          <Caption1 className={styles.muted} role="status">
            {data.total === 1 ? '1 account matches' : `${data.total.toLocaleString()} accounts match`}
            {loading ? ' · updating…' : ''}
          </Caption1>
          <AccountsTable rows={data.rows} sort={accounts.sort} onSort={accounts.setSort} onOpen={setOpen} />
          <Pager
            noun="accounts"
            total={data.total}
            offset={accounts.offset}
            pageSize={ACCOUNTS_PAGE_SIZE}
            onOffset={accounts.setOffset}
          />
        </>
      )}
      {open !== undefined && (
        <AccountDrawer
          key={open.objectGuid}
          objectGuid={open.objectGuid}
          samAccountName={open.samAccountName}
          onClose={() => setOpen(undefined)}
          onChanged={reload}
        />
      )}
    </div>
  );
}
