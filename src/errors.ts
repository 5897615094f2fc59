/**
 * Every failure Warden reports to a person goes through WardenError: a stable
 * machine-readable code, a message written for an administrator, and the
 * context (which file, which row, which attribute) needed to act on it.
 * Errors cross the IPC and CLI boundaries as SerializedError, never as stacks.
 */
export type ErrorDetails = Record<string, string | number | boolean | null | string[]>;

export interface SerializedError {
  code: string;
  message: string;
  details?: ErrorDetails;
}

export class WardenError extends Error {
  readonly code: string;
  readonly details: ErrorDetails | undefined;

  constructor(code: string, message: string, details?: ErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }

  toJSON(): SerializedError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Turns anything thrown into a SerializedError without leaking a stack trace. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof WardenError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Unexpected internal error: ${message}` };
}
