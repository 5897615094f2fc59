import { useCallback, useState } from 'react';
import type { ConnectionProfile, OperationOutput, ProgressOf } from '../api/contract-types';
import { useTask, type TaskState } from '../api/use-task';
import { WardenApiError } from '../api/warden-api-error';

export type ExactLastLogonReport = OperationOutput<'queryExactLastLogon'>;
export type ExactLastLogonAccount = ExactLastLogonReport['accounts'][number];
export type ExactLastLogonProgress = ProgressOf<'queryExactLastLogon'>;
export type ExactLastLogonState = TaskState<'queryExactLastLogon'>;

/** The accounts to ask about, and the snapshot whose verdicts they are checked against. */
export interface ExactLastLogonSubject {
  objectGuids: string[];
  snapshotId: string;
}

export type ExactLastLogonStep =
  | { step: 'idle' }
  /** The profile to choose, or the password to type (again, after `error`). */
  | { step: 'choosing'; askPassword: boolean; error?: WardenApiError }
  | { step: 'confirming-plain-text'; profile: ConnectionProfile; password: string | undefined }
  | { step: 'asking'; profile: ConnectionProfile };

/** Errors a typed password can fix: ask for it again rather than end on a failure. */
const PASSWORD_PROBLEMS = new Set(['BIND_PASSWORD_MISSING', 'INVALID_CREDENTIALS']);

/**
 * A report in which every DC refused the bind says the password is wrong, not
 * that the DCs are: it is answered like a refused password, by asking again.
 */
function refusedPassword(report: ExactLastLogonReport): WardenApiError | undefined {
  const [first] = report.domainControllers;
  if (first === undefined || report.dcsAnswered > 0) return undefined;
  if (!report.domainControllers.every((dc) => dc.errorCode === 'INVALID_CREDENTIALS')) return undefined;
  return new WardenApiError({
    code: 'INVALID_CREDENTIALS',
    message: first.error ?? 'The domain controllers refused the bind password.',
  });
}

/**
 * The way from a click on "Ask each domain controller" to the report: the
 * profile when the snapshot names none, the clear-text confirmation a plain
 * LDAP profile needs each time, the bind password when the profile keeps none
 * (used for this request only), then the request itself, which can be
 * cancelled while it runs.
 */
export function useExactLastLogon(subject: ExactLastLogonSubject) {
  const { state, start, cancel, reset } = useTask('queryExactLastLogon');
  const [step, setStep] = useState<ExactLastLogonStep>({ step: 'idle' });
  const { objectGuids, snapshotId } = subject;

  const run = useCallback(
    async (profile: ConnectionProfile, password: string | undefined, confirmPlainTextBind: boolean) => {
      setStep({ step: 'asking', profile });
      const outcome = await start({
        profileId: profile.id,
        objectGuids,
        snapshotId,
        confirmPlainTextBind,
        ...(password === undefined ? {} : { password }),
      });
      const refused =
        outcome.status === 'succeeded'
          ? refusedPassword(outcome.result)
          : outcome.status === 'failed' && PASSWORD_PROBLEMS.has(outcome.error.code)
            ? outcome.error
            : undefined;
      if (refused !== undefined) {
        reset();
        setStep({ step: 'choosing', askPassword: true, error: refused });
      }
    },
    [start, reset, objectGuids, snapshotId],
  );

  /** Asks with this profile, after the clear-text confirmation when it binds over plain LDAP. */
  const ask = useCallback(
    (profile: ConnectionProfile, password: string | undefined) => {
      if (profile.transport === 'ldap') setStep({ step: 'confirming-plain-text', profile, password });
      else void run(profile, password, false);
    },
    [run],
  );

  /** The first click: straight to the DCs when the profile is known and keeps its password. */
  const begin = useCallback(
    (known: ConnectionProfile | undefined) => {
      reset();
      if (known?.hasSavedPassword === true) ask(known, undefined);
      else setStep({ step: 'choosing', askPassword: false });
    },
    [ask, reset],
  );

  const confirmPlainText = useCallback(() => {
    if (step.step === 'confirming-plain-text') void run(step.profile, step.password, true);
  }, [step, run]);

  const close = useCallback(() => {
    reset();
    setStep({ step: 'idle' });
  }, [reset]);

  return { step, state, begin, ask, confirmPlainText, cancel, close };
}
