import type { z } from 'zod';
import { StoreError } from '../errors';

function describe(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(value)'}: ${issue.message}`);
}

/** Validates what a caller hands a repository; a mistake there is INVALID_DATA, not a crash. */
export function parseOrInvalid<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = describe(parsed.error);
  throw new StoreError('INVALID_DATA', `The ${what} is not valid: ${issues.join('; ')}`, { issues });
}

export { describe as describeIssues };
