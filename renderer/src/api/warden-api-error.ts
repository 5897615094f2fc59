import type { Reply } from './contract-types';

type ErrorPayload = Extract<Reply<unknown>, { ok: false }>['error'];
export type WardenErrorDetails = NonNullable<ErrorPayload['details']>;

/** A failed Reply, rethrown on the renderer side with its code and details intact. */
export class WardenApiError extends Error {
  readonly code: string;
  readonly details: WardenErrorDetails | undefined;

  constructor(error: ErrorPayload) {
    super(error.message);
    this.name = 'WardenApiError';
    this.code = error.code;
    this.details = error.details;
  }

  /** The contract's validation issues ("host: host must be a DNS name or IP address"), when any. */
  get issues(): string[] {
    const issues = this.details?.['issues'];
    return Array.isArray(issues) ? issues : [];
  }
}

/** Anything caught in the renderer, as a WardenApiError a MessageBar can show. */
export function toWardenApiError(error: unknown): WardenApiError {
  if (error instanceof WardenApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new WardenApiError({ code: 'RENDERER', message });
}
