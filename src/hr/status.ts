import type { HrStatus } from './fields';

/**
 * An employment status as HR systems write it, normalized (see HrStatus).
 * The words are checked most decisive first: "Terminated - on leave" is
 * terminated, "Inactive (leave)" is leave, "Not active" is inactive.
 */
const RULES: readonly { status: HrStatus; pattern: RegExp }[] = [
  {
    status: 'terminated',
    pattern:
      /\b(terminat\w*|term|termed|left|leaver|resign\w*|retire\w*|dismiss\w*|separat\w*|former|ex|deceased|exited|withdrawn|fired|laid off|no longer employed|ausgetreten)\b/,
  },
  {
    status: 'leave',
    pattern: /\b(leave|loa|absence|absent|sabbatical|furlough\w*|parental|maternity|paternity|sick)\b/,
  },
  { status: 'inactive', pattern: /\b(inactive|not active|suspend\w*|disabled|dormant|on hold|pending)\b/ },
  {
    status: 'active',
    pattern:
      /\b(active|employed|current|working|probation\w*|regular|permanent|full time|part time|fulltime|parttime|hired|new hire|aktiv)\b/,
  },
];

const LETTERS: Readonly<Record<string, HrStatus>> = { a: 'active', l: 'leave', i: 'inactive', t: 'terminated' };

/** A list has a handful of distinct statuses; each is normalized once. */
const seen = new Map<string, HrStatus | null>();
const MAX_REMEMBERED = 1_000;

/** Null for an empty status; 'unknown' for one that matches none of the rules. */
export function normalizeStatus(raw: string | null): HrStatus | null {
  if (raw === null) return null;
  const known = seen.get(raw);
  if (known !== undefined) return known;
  const status = classify(raw);
  if (seen.size < MAX_REMEMBERED) seen.set(raw, status);
  return status;
}

function classify(raw: string): HrStatus | null {
  const text = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (text.length === 0) return null;
  const letter = LETTERS[text];
  if (letter !== undefined) return letter;
  for (const rule of RULES) if (rule.pattern.test(text)) return rule.status;
  return 'unknown';
}
