import { BulkContainment } from './BulkContainment';
import { KillSwitchDialog } from './KillSwitchDialog';
import type { BulkChoice } from './bulk-selection';
import type { ContainmentReport } from './kill-switch-types';

export interface BulkDisableRequest {
  choice: BulkChoice;
  /** Names the accounts in labels, e.g. "12 accounts"; fixed when asked, as the choice is. */
  subjectName: string;
}

interface Props {
  /** What to disable while the dialog is open; undefined closes it. */
  request: BulkDisableRequest | undefined;
  onFinished: (report: ContainmentReport) => void;
  onClose: () => void;
}

/** The kill switch over the Inventory, for the rows ticked there: the flow of a bulk action on the Actions page. */
export function BulkDisableDialog({ request, onFinished, onClose }: Props) {
  const subjectName = request?.subjectName ?? '';
  return (
    <KillSwitchDialog open={request !== undefined} title={`Disable ${subjectName}`} width="wide" onClose={onClose}>
      {request !== undefined && (
        <BulkContainment choice={request.choice} subjectName={subjectName} onFinished={onFinished} onClose={onClose} />
      )}
    </KillSwitchDialog>
  );
}
