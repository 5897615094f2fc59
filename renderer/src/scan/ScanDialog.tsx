import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { ScanProgressView } from './ScanProgressView';
import { ScanSummaryView } from './ScanSummaryView';
import type { ProfileScanState } from './use-profile-scan';
import type { ScanChoice } from './use-scan-flow';

function titleFor(choice: ScanChoice, state: ProfileScanState): string {
  switch (state.status) {
    case 'succeeded':
      return `Scan of “${choice.profile.name}” complete`;
    case 'failed':
      return `Scan of “${choice.profile.name}” failed`;
    case 'cancelled':
      return `Scan of “${choice.profile.name}” cancelled`;
    default:
      return `${choice.incremental ? 'Scanning changes in' : 'Full scan of'} “${choice.profile.name}”`;
  }
}

interface Props {
  /** The scan under way or just ended; undefined keeps the dialog closed. */
  choice: ScanChoice | undefined;
  state: ProfileScanState;
  onCancelScan: () => void;
  onClose: () => void;
}

/** A scan from start to end: its progress while it runs, then what it made, or why it made nothing. */
export function ScanDialog({ choice, state, onCancelScan, onClose }: Props) {
  const running = state.status === 'running' || state.status === 'idle';
  return (
    <Dialog
      open={choice !== undefined}
      // A running scan is only stopped by its Cancel button, never by a stray Escape.
      onOpenChange={(_event, data) => !data.open && !running && onClose()}
      modalType="alert"
    >
      <DialogSurface aria-live="polite">
        <DialogBody>
          <DialogTitle>{choice !== undefined && titleFor(choice, state)}</DialogTitle>
          <DialogContent>
            {state.status === 'running' && (
              <ScanProgressView progress={state.progress} cancelling={state.cancelling} onCancel={onCancelScan} />
            )}
            {state.status === 'succeeded' && (
              <ScanSummaryView summary={state.result} askedForChanges={choice?.incremental ?? false} />
            )}
            {state.status === 'failed' && (
              <ErrorMessageBar
                title="No new snapshot was made; the previous snapshot stays current."
                error={state.error}
              />
            )}
            {state.status === 'cancelled' && (
              <MessageBar intent="info">
                <MessageBarBody>
                  <MessageBarTitle>Scan cancelled</MessageBarTitle>
                  The previous snapshot stays current.
                </MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          {!running && (
            <DialogActions>
              <Button appearance="primary" onClick={onClose}>
                Close
              </Button>
            </DialogActions>
          )}
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
