import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/hr/dates';
import { HrImportError } from '../../../src/hr/errors';
import { detectMapping, resolveMapping } from '../../../src/hr/mapping';
import { normalizeStatus } from '../../../src/hr/status';

describe('dates', () => {
  it.each([
    ['2025-03-31', '2025-03-31'],
    ['2025/3/31', '2025-03-31'],
    ['2025-03-31T17:00:00Z', '2025-03-31'],
    ['20250331', '2025-03-31'],
    ['45747', '2025-03-31'],
    ['45747.75', '2025-03-31'],
    ['31 Mar 2025', '2025-03-31'],
    ['31-Mar-25', '2025-03-31'],
    ['March 31, 2025', '2025-03-31'],
    ['5/5/2025', '2025-05-05'],
  ])('reads %s whatever the format', (raw, iso) => {
    for (const format of ['auto', 'mdy', 'dmy'] as const) expect(parseDate(raw, format)).toMatchObject({ iso });
  });

  it('reads numeric day/month dates by the format, and says what an unambiguous one proves', () => {
    expect(parseDate('03/04/2025', 'mdy')).toEqual({ kind: 'date', iso: '2025-03-04' });
    expect(parseDate('03/04/2025', 'dmy')).toEqual({ kind: 'date', iso: '2025-04-03' });
    expect(parseDate('03.04.2025', 'dmy')).toEqual({ kind: 'date', iso: '2025-04-03' });
    expect(parseDate('03/04/2025', 'auto')).toMatchObject({ kind: 'ambiguous', first: 3, second: 4, year: 2025 });
    expect(parseDate('31/03/2025', 'auto')).toEqual({ kind: 'proof', order: 'dmy', iso: '2025-03-31' });
    expect(parseDate('03/31/2025', 'auto')).toEqual({ kind: 'proof', order: 'mdy', iso: '2025-03-31' });
    expect(parseDate('12/31/99', 'auto')).toEqual({ kind: 'proof', order: 'mdy', iso: '1999-12-31' });
  });

  it.each([
    ['31/03/2025', 'mdy', /not a valid MM\/DD\/YYYY date/],
    ['03/31/2025', 'dmy', /not a valid DD\/MM\/YYYY date/],
    ['03/04/2025', 'ymd', /not a year-first date/],
    ['2025-02-30', 'auto', /not a day of the calendar/],
    ['13/13/2025', 'auto', /not a day of the calendar/],
    ['soon', 'auto', /is not a date/],
    ['12', 'auto', /neither a date nor an Excel date serial number/],
  ] as const)('refuses %s with dateFormat %s', (raw, format, reason) => {
    const parsed = parseDate(raw, format);
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') expect(parsed.reason).toMatch(reason);
  });
});

describe('statuses', () => {
  it.each([
    ['Active', 'active'],
    ['ACTIVE - probation', 'active'],
    ['Full-time', 'active'],
    ['A', 'active'],
    ['On Leave', 'leave'],
    ['Leave of absence', 'leave'],
    ['Maternity', 'leave'],
    ['Inactive', 'inactive'],
    ['Suspended', 'inactive'],
    ['Terminated', 'terminated'],
    ['Resigned', 'terminated'],
    ['Retired', 'terminated'],
    ['T', 'terminated'],
    ['Gone fishing', 'unknown'],
    ['  ', null],
    [null, null],
  ])('%s is %s', (raw, status) => {
    expect(normalizeStatus(raw)).toBe(status);
  });
});

describe('column mapping', () => {
  it('detects common headers whatever their case, spaces and underscores', () => {
    expect(
      detectMapping([
        'EMPLOYEE_ID',
        'work e-mail',
        'Given Name',
        'Surname',
        'Full Name',
        'sAMAccountName',
        'Employment Status',
        'Termination Date',
        'Dept',
        'Manager Email',
        'Job Title',
      ]),
    ).toEqual({
      employeeId: 'EMPLOYEE_ID',
      email: 'work e-mail',
      firstName: 'Given Name',
      lastName: 'Surname',
      displayName: 'Full Name',
      username: 'sAMAccountName',
      status: 'Employment Status',
      endDate: 'Termination Date',
      department: 'Dept',
      managerEmail: 'Manager Email',
    });
  });

  it('prefers the work e-mail, and never gives one column two fields', () => {
    expect(detectMapping(['Email', 'Work Email', 'Name'])).toMatchObject({ email: 'Work Email', displayName: 'Name' });
    expect(detectMapping(['Manager Email', 'Email'])).toEqual({ managerEmail: 'Manager Email', email: 'Email' });
  });

  it('puts a saved mapping over detection and a given one over both; null turns a field off', () => {
    const header = ['Emp No', 'Mail', 'Name', 'Department', 'Personal Email'];
    const resolved = resolveMapping(
      'people.csv',
      header,
      { email: 'personal email', department: null },
      { email: 'Mail', displayName: 'Name', dateFormat: 'dmy' },
    );
    expect(resolved.mapping).toEqual({
      employeeId: 'Emp No',
      email: 'Personal Email',
      displayName: 'Name',
      department: null,
      dateFormat: 'dmy',
    });
    expect(resolved.columns.email).toEqual({ index: 4, header: 'Personal Email' });
    expect(resolved.dateFormat).toBe('dmy');
  });

  it('drops saved entries whose column is gone, and refuses given ones', () => {
    const resolved = resolveMapping('p.csv', ['Email', 'Name'], undefined, { email: 'Old Mail' });
    expect(resolved.mapping.email).toBe('Email');
    expect(resolved.staleSaved).toEqual(['email: "Old Mail"']);
    expect(() => resolveMapping('p.csv', ['Email', 'Name'], { employeeId: 'Number' }, undefined)).toThrow(
      'p.csv: the mapping names columns the file does not have (employeeId: "Number"). Its columns are: "Email", "Name".',
    );
  });

  it('requires an employee ID or e-mail column and a name or username column', () => {
    const attempt = (header: string[]): HrImportError => {
      try {
        resolveMapping('p.csv', header, undefined, undefined);
      } catch (error) {
        if (error instanceof HrImportError) return error;
      }
      throw new Error('expected MISSING_COLUMNS');
    };
    expect(attempt(['Name', 'Department']).message).toBe(
      'p.csv lacks an employee ID or e-mail column. Its columns are: "Name", "Department". Rename a header, or say which column holds what with a mapping.',
    );
    expect(attempt(['Email', 'Department']).code).toBe('MISSING_COLUMNS');
    expect(attempt(['Email', 'Department']).details).toMatchObject({
      needs: ['a first, last or display name column, or a username column'],
    });
    expect(() => resolveMapping('p.csv', ['Employee ID', 'Login'], undefined, undefined)).not.toThrow();
  });
});
