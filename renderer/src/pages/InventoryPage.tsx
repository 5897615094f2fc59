import { Bot48Regular } from '@fluentui/react-icons';
import { ConnectButton } from '../components/ConnectButton';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function InventoryPage() {
  return (
    <>
      <PageHeader title="Inventory" subtitle="Every non-human account Warden has read from the directory." />
      <EmptyState
        icon={<Bot48Regular />}
        title="No accounts inventoried yet"
        actions={<ConnectButton from="inventory" />}
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
