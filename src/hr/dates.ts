import type { DateFormat } from './fields';

/**
 * Reading the dates HR files hold into ISO dates (YYYY-MM-DD):
 * - ISO: 2025-03-31, 2025/03/31, 2025-03-31T17:00:00Z (the date part is kept);
 * - compact: 20250331;
 * - numeric day and month: 31/03/2025, 03/31/2025, 31.03.2025, 31-03-2025,
 *   with a two-digit year read as 19yy from 70 and 20yy below;
 * - English month names: 31 Mar 2025, 31-Mar-25, March 31, 2025;
 * - Excel serial numbers (45747 = 2025-03-31), 1900 date system.
 * Which of day and month comes first, when both are 12 or less, is the date
 * format's business (see DATE_FORMATS in fields.ts): such a value comes back
 * as `ambiguous` for the import to settle once it has seen the whole column.
 */
export type ParsedDate =
  | { kind: 'date'; iso: string }
  /** Numeric day and month that could be either way round: first/second as written. */
  | { kind: 'ambiguous'; first: number; second: number; year: number; separator: string }
  /** Numeric, and the file proves which way round: `order` is what this value proves. */
  | { kind: 'proof'; order: 'dmy' | 'mdy'; iso: string }
  | { kind: 'invalid'; reason: string };

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Excel's largest date, 9999-12-31. */
const MAX_SERIAL = 2_958_465;
/** Serial 60 is Excel's phantom 1900-02-29; from 61 on, day 0 is 1899-12-30. */
const MIN_SERIAL = 61;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** The ISO date, or undefined when there is no such day. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return undefined;
  if (month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 2) return year >= 70 ? 1900 + year : 2000 + year;
  return year;
}

export function excelSerialDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial > MAX_SERIAL) return undefined;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

function checked(iso: string | undefined, raw: string): ParsedDate {
  return iso === undefined
    ? { kind: 'invalid', reason: `"${raw}" is not a day of the calendar` }
    : { kind: 'date', iso };
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const NUMERIC =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AaPp][Mm])?)?$/;
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{4}|\d{2})$/;
const MONTH_DAY_YEAR = /^([A-Za-z]{3,9})\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})$/;

export function parseDate(raw: string, format: DateFormat): ParsedDate {
  const text = raw.trim();
  let match = ISO.exec(text);
  if (match) return checked(isoDate(Number(match[1]), Number(match[2]), Number(match[3])), raw);
  match = COMPACT.exec(text);
  if (match && ((match[1] ?? '').startsWith('19') || (match[1] ?? '').startsWith('20'))) {
    return checked(isoDate(Number(match[1]), Number(match[2]), Number(match[3])), raw);
  }
  if (SERIAL.test(text)) {
    const iso = excelSerialDate(Number(text));
    return iso === undefined
      ? { kind: 'invalid', reason: `"${raw}" is neither a date nor an Excel date serial number` }
      : { kind: 'date', iso };
  }
  match = DAY_MONTH_YEAR.exec(text);
  if (match) {
    const month = MONTHS[(match[2] ?? '').toLowerCase()];
    if (month !== undefined) return checked(isoDate(fullYear(match[3] ?? ''), month, Number(match[1])), raw);
  }
  match = MONTH_DAY_YEAR.exec(text);
  if (match) {
    const month = MONTHS[(match[1] ?? '').toLowerCase()];
    if (month !== undefined) return checked(isoDate(Number(match[3]), month, Number(match[2])), raw);
  }
  match = NUMERIC.exec(text);
  if (match) {
    if (format === 'ymd') return { kind: 'invalid', reason: `"${raw}" is not a year-first date (dateFormat is "ymd")` };
    const first = Number(match[1]);
    const separator = match[2] ?? '';
    const second = Number(match[3]);
    const year = fullYear(match[4] ?? '');
    const dmy = isoDate(year, second, first);
    const mdy = isoDate(year, first, second);
    if (format === 'dmy') return dmy === undefined ? invalidAs(raw, 'DD/MM/YYYY') : { kind: 'date', iso: dmy };
    if (format === 'mdy') return mdy === undefined ? invalidAs(raw, 'MM/DD/YYYY') : { kind: 'date', iso: mdy };
    if (dmy !== undefined && mdy !== undefined && first !== second) {
      return { kind: 'ambiguous', first, second, year, separator };
    }
    if (dmy !== undefined && mdy !== undefined) return { kind: 'date', iso: dmy };
    if (dmy !== undefined) return { kind: 'proof', order: 'dmy', iso: dmy };
    if (mdy !== undefined) return { kind: 'proof', order: 'mdy', iso: mdy };
    return { kind: 'invalid', reason: `"${raw}" is not a day of the calendar` };
  }
  return { kind: 'invalid', reason: `"${raw}" is not a date (expected e.g. 2025-03-31, 03/31/2025 or 31.03.2025)` };
}

function invalidAs(raw: string, form: string): ParsedDate {
  return { kind: 'invalid', reason: `"${raw}" is not a valid ${form} date (the mapping's dateFormat)` };
}

/** The default for an ambiguous value when the file proves nothing: day-first with dots, month-first otherwise. */
export function defaultOrder(separator: string): 'dmy' | 'mdy' {
  return separator === '.' ? 'dmy' : 'mdy';
}

export function resolveAmbiguous(date: Extract<ParsedDate, { kind: 'ambiguous' }>, order: 'dmy' | 'mdy'): string {
  const iso =
    order === 'dmy' ? isoDate(date.year, date.second, date.first) : isoDate(date.year, date.first, date.second);
  // Both readings were checked to be real days when the value was parsed.
  if (iso === undefined) throw new RangeError(`no such day: ${date.first}/${date.second}/${date.year}`);
  return iso;
}
