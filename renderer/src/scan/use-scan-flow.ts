import { useCallback, useState } from 'react';
import type { ConnectionProfile } from '../api/contract-types';
import type { WardenApiError } from '../api/warden-api-error';
import { useSnapshotStatus } from '../app/snapshot-status';
import { useProfileScan, type ScanSummary } from './use-profile-scan';

/** What the user clicked: which profile, and whether only the changes should be read. */
export interface ScanChoice {
  profile: ConnectionProfile;
  incremental: boolean;
}

export type ScanStep =
  | { step: 'idle' }
  | { step: 'confirming-plain-text'; choice: ScanChoice }
  | { step: 'asking-password'; choice: ScanChoice; confirmPlainTextBind: boolean; error?: WardenApiError }
  | { step: 'scanning'; choice: ScanChoice };

/** Errors a typed password can fix: ask for it again rather than end on a failure. */
const passwordProblems = new Set(['BIND_PASSWORD_MISSING', 'INVALID_CREDENTIALS']);

/**
 * The way from a click on "Scan changes" or "Full scan" to a new snapshot:
 * the clear-text confirmation a plain LDAP profile needs each time, the bind
 * password when the profile keeps none (used for this scan only), then the
 * scan itself. `onScanned` runs as soon as a snapshot is complete, so the
 * pages behind the dialog show it.
 */
export function useScanFlow(onScanned: (summary: ScanSummary) => void) {
  const { state: scanState, start, cancel: cancelScan, reset } = useProfileScan();
  const [step, setStep] = useState<ScanStep>({ step: 'idle' });
  // The shell's header shows the current snapshot: it must hear of a new one made here.
  const snapshotStatus = useSnapshotStatus();

  const run = useCallback(
    async (choice: ScanChoice, confirmPlainTextBind: boolean, password: string | undefined) => {
      setStep({ step: 'scanning', choice });
      const outcome = await start({
        profileId: choice.profile.id,
        confirmPlainTextBind,
        incremental: choice.incremental,
        ...(password === undefined ? {} : { password }),
      });
      if (outcome.status === 'succeeded') {
        onScanned(outcome.result);
        snapshotStatus?.refresh();
      }
      if (outcome.status === 'failed' && passwordProblems.has(outcome.error.code)) {
        reset();
        setStep({ step: 'asking-password', choice, confirmPlainTextBind, error: outcome.error });
      }
    },
    [start, reset, onScanned, snapshotStatus],
  );

  const afterConfirmation = useCallback(
    (choice: ScanChoice, confirmPlainTextBind: boolean) => {
      if (choice.profile.hasSavedPassword) void run(choice, confirmPlainTextBind, undefined);
      else setStep({ step: 'asking-password', choice, confirmPlainTextBind });
    },
    [run],
  );

  const begin = useCallback(
    (choice: ScanChoice) => {
      if (choice.profile.transport === 'ldap') setStep({ step: 'confirming-plain-text', choice });
      else afterConfirmation(choice, false);
    },
    [afterConfirmation],
  );

  const confirmPlainText = useCallback(() => {
    if (step.step === 'confirming-plain-text') afterConfirmation(step.choice, true);
  }, [step, afterConfirmation]);

  const submitPassword = useCallback(
    (password: string) => {
      if (step.step === 'asking-password') void run(step.choice, step.confirmPlainTextBind, password);
    },
    [step, run],
  );

  const close = useCallback(() => {
    reset();
    setStep({ step: 'idle' });
  }, [reset]);

  return {
    step,
    scanState,
    begin,
    confirmPlainText,
    submitPassword,
    cancelScan,
    close,
  };
}

export type ScanFlow = ReturnType<typeof useScanFlow>;
