import { AttributeValueError } from './attribute-error';

const PATTERN = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{2}(?:\d{2})?)?$/;

/**
 * An LDAP GeneralizedTime (whenCreated, whenChanged: "20250101120000.0Z") as
 * an ISO-8601 UTC string. AD always writes UTC with "Z"; offsets and a missing
 * zone (read as UTC) are accepted for LDIF files written by other tools.
 */
export function generalizedTimeToIso(value: string, attribute = 'GeneralizedTime'): string {
  const match = PATTERN.exec(value.trim());
  if (!match) throw new AttributeValueError(attribute, `"${value}" is not a GeneralizedTime (YYYYMMDDHHMMSS.0Z)`);
  const [, year, month, day, hour, minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const ms = Math.round(Number(`0.${fraction || '0'}`) * 1000);
  let time = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), ms);
  // Date.UTC rolls a 13th month or a 32nd day over; such a value is not a time.
  const parts = new Date(time);
  if (parts.getUTCMonth() !== Number(month) - 1 || parts.getUTCDate() !== Number(day) || Number(hour) > 23) {
    throw new AttributeValueError(attribute, `"${value}" is not a valid date`);
  }
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const offsetMinutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5) || '0');
    time -= sign * offsetMinutes * 60_000;
  }
  return new Date(time).toISOString();
}
