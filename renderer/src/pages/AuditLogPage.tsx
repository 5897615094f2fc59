import { History48Regular } from '@fluentui/react-icons';
import { ConnectButton } from '../components/ConnectButton';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function AuditLogPage() {
  return (
    <>
      <PageHeader title="Audit log" subtitle="A tamper-evident record of what Warden did and who asked." />
      <EmptyState icon={<History48Regular />} title="The audit log is empty" actions={<ConnectButton from="audit" />}>
        <p>
          Every scan and every change Warden makes in the directory will be recorded here, in an append-only log whose
          entries are chained by hashes, so a removed or altered entry shows.
        </p>
        <p>Entries appear once you connect to a domain and start working with it.</p>
      </EmptyState>
    </>
  );
}
