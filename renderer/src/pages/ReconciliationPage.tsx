import { PeopleTeam48Regular } from '@fluentui/react-icons';
import { ConnectButton } from '../components/ConnectButton';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function ReconciliationPage() {
  return (
    <>
      <PageHeader title="Reconciliation" subtitle="Owners of non-human accounts, checked against your HR records." />
      <EmptyState
        icon={<PeopleTeam48Regular />}
        title="Nothing to reconcile yet"
        actions={<ConnectButton from="reconciliation" />}
      >
        <p>
          Here Warden matches each account's owner against an HR export (CSV or Excel) and flags accounts whose owner
          has left, owners it cannot find, and accounts nobody owns.
        </p>
        <p>Reconciliation works on an inventory: connect to a domain first.</p>
      </EmptyState>
    </>
  );
}
