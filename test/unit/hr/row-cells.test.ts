import { describe, expect, it } from 'vitest';
import { HR_FIELDS, type HrField } from '../../../src/hr/fields';
import { CellReader } from '../../../src/hr/row-cells';

/** Every field in its own column, in HR_FIELDS order, but those left out. */
function reader(without: HrField[] = []): CellReader {
  const columns = {} as Record<HrField, number>;
  HR_FIELDS.forEach((field, index) => {
    columns[field] = without.includes(field) ? -1 : index;
  });
  return new CellReader(columns);
}

function cells(values: Partial<Record<HrField, string>>): string[] {
  return HR_FIELDS.map((field) => values[field] ?? '');
}

describe('reading a row into fields', () => {
  it('trims every cell and reads a blank one, or a field without a column, as null', () => {
    const read = reader(['department']);
    const row = read.read(cells({ employeeId: ' E1 ', firstName: '\tAnn ', lastName: '   ', department: 'Sales' }));
    expect(row).toEqual({
      employeeId: 'E1',
      email: null,
      firstName: 'Ann',
      lastName: null,
      displayName: null,
      username: null,
      status: null,
      endDate: null,
      department: null,
      managerEmail: null,
    });
    expect(read.problems).toEqual([]);
  });

  it('drops a mailto: or SMTP: prefix from e-mail addresses', () => {
    const read = reader();
    const row = read.read(cells({ email: 'mailto:ann@corp.example', managerEmail: ' SMTP:Boss@Corp.Example ' }));
    expect(row).toMatchObject({ email: 'ann@corp.example', managerEmail: 'Boss@Corp.Example' });
    expect(read.problems).toEqual([]);
  });

  it('lists every problem of the row in field order, and forgets them at the next row', () => {
    const read = reader();
    const row = read.read(
      cells({
        managerEmail: 'boss@corp',
        department: 'x'.repeat(257),
        email: `${'a'.repeat(250)}@corp.example`,
        employeeId: `E${'1'.repeat(64)}`,
        status: ` ${'s'.repeat(256)} `,
      }),
    );
    expect(read.problems).toEqual([
      { field: 'employeeId', message: 'longer than 64 characters' },
      { field: 'email', message: 'not an e-mail address' },
      { field: 'department', message: 'longer than 256 characters' },
      { field: 'managerEmail', message: 'not an e-mail address' },
    ]);
    expect(row).toMatchObject({ employeeId: null, email: null, status: 's'.repeat(256), department: null });
    expect(read.raw('managerEmail')).toBe('boss@corp');

    read.read(cells({ email: 'ann@corp.example' }));
    expect(read.problems).toEqual([]);
  });

  it('reads a row shorter than the header as blank cells', () => {
    const read = reader();
    expect(read.read(['E1'])).toMatchObject({ employeeId: 'E1', email: null, managerEmail: null });
    expect(read.raw('managerEmail')).toBe('');
  });
});
