import { Shield48Regular } from '@fluentui/react-icons';
import { ConnectButton } from '../components/ConnectButton';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function ActionsPage() {
  return (
    <>
      <PageHeader title="Actions" subtitle="Changes Warden makes in the directory on your behalf." />
      <EmptyState icon={<Shield48Regular />} title="No actions yet" actions={<ConnectButton from="actions" />}>
        <p>
          Disabling a risky account with the kill switch, applying a hardening template, granting just-in-time group
          membership: each action will be listed here with who asked for it, who approved it and what changed.
        </p>
        <p>Actions need a connected domain and an inventory to act on.</p>
      </EmptyState>
    </>
  );
}
