import { AuditLogView } from '../audit/AuditLogView';
import { VerifyChainButton } from '../audit/VerifyChainButton';
import { PageHeader } from '../components/PageHeader';

/** The store's append-only, hash-chained log of what Warden did and who asked. */
export function AuditLogPage() {
  return (
    <>
      <PageHeader
        title="Audit log"
        subtitle="A tamper-evident record of what Warden did and who asked: each entry is chained to the previous one by its hash."
        actions={<VerifyChainButton />}
      />
      <AuditLogView />
    </>
  );
}
