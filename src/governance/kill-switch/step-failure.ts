import { isDirectoryError, isDirectoryWriteError } from '../../directory';
import { serializeError } from '../../errors';

/** A step that failed after doing part of its work (left some groups, not all): what it did is said first. */
export class PartialStepError extends Error {
  constructor(
    readonly done: string,
    override readonly cause: unknown,
  ) {
    super(done);
    this.name = 'PartialStepError';
  }
}

export interface StepFailure {
  /** denied: AD would not let the bound account do it (LDAP 50 or 53); failed: anything else. */
  status: 'denied' | 'failed';
  message: string;
  error: { code: string; message: string };
}

function isDenial(error: unknown): boolean {
  return (
    isDirectoryWriteError(error, 'INSUFFICIENT_ACCESS') ||
    isDirectoryWriteError(error, 'UNWILLING_TO_PERFORM') ||
    isDirectoryError(error, 'INSUFFICIENT_ACCESS')
  );
}

/** A step's failure in words, told apart as a denial by AD or any other failure. */
export function stepFailure(error: unknown): StepFailure {
  const partial = error instanceof PartialStepError ? error : undefined;
  const cause = partial === undefined ? error : partial.cause;
  const { code, message } = serializeError(cause);
  const status = isDenial(cause) ? 'denied' : 'failed';
  const said = status === 'denied' ? `Denied: ${message}` : message;
  return {
    status,
    message: partial === undefined ? said : `${partial.done}; then: ${said}`,
    error: { code, message },
  };
}
