import { closeSync, openSync, writeSync } from 'node:fs';
import type { HrRow } from './model';

const COLUMNS: readonly [string, keyof HrRow][] = [
  ['Employee ID', 'employeeId'],
  ['First Name', 'firstName'],
  ['Last Name', 'lastName'],
  ['Work Email', 'workEmail'],
  ['Department', 'department'],
  ['Job Title', 'jobTitle'],
  ['Status', 'status'],
  ['Hire Date', 'hireDate'],
  ['Termination Date', 'terminationDate'],
  ['Manager Email', 'managerEmail'],
];

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The HR export as HR systems write it: RFC 4180 CSV, UTF-8, CRLF line ends. */
export function writeHrCsv(path: string, rows: readonly HrRow[]): void {
  const fd = openSync(path, 'w');
  try {
    let buffer = `${COLUMNS.map(([header]) => header).join(',')}\r\n`;
    for (const row of rows) {
      buffer += `${COLUMNS.map(([, key]) => csvField(row[key])).join(',')}\r\n`;
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
}
