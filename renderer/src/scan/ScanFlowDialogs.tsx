import { PlainTextBindDialog } from '../connection/PlainTextBindDialog';
import { ScanDialog } from './ScanDialog';
import { ScanPasswordDialog } from './ScanPasswordDialog';
import type { ScanFlow } from './use-scan-flow';

/** The dialogs of one scan flow; at most one is open at a time. */
export function ScanFlowDialogs({ flow }: { flow: ScanFlow }) {
  const { step } = flow;
  return (
    <>
      <PlainTextBindDialog
        bind={step.step === 'confirming-plain-text' ? step.choice.profile : undefined}
        onConfirm={flow.confirmPlainText}
        onCancel={flow.close}
      />
      <ScanPasswordDialog
        profile={step.step === 'asking-password' ? step.choice.profile : undefined}
        error={step.step === 'asking-password' ? step.error : undefined}
        onSubmit={flow.submitPassword}
        onCancel={flow.close}
      />
      <ScanDialog
        choice={step.step === 'scanning' ? step.choice : undefined}
        state={flow.scanState}
        onCancelScan={() => void flow.cancelScan()}
        onClose={flow.close}
      />
    </>
  );
}
