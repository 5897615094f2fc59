import type { AccountAssessment } from '../risk';
import { csvBytes } from './csv';
import { csvFieldsOf, type InventoryColumn } from './inventory-columns';

export interface AccountsCsv {
  bytes: Uint8Array<ArrayBuffer>;
  rows: number;
}

/**
 * Accounts as a CSV file, one row each in the order given, with the columns
 * given (the account name always first). The app and the command line write
 * the same file from the same accounts.
 */
export function accountsCsv(accounts: readonly AccountAssessment[], columns: readonly InventoryColumn[]): AccountsCsv {
  const fields = csvFieldsOf(columns);
  const records = accounts.map((account) => fields.map((field) => field.value(account)));
  return {
    bytes: csvBytes(
      fields.map((field) => field.header),
      records,
    ),
    rows: accounts.length,
  };
}

/** A file name that says what and when, safe on Windows: `warden-accounts-2026-03-31.csv`, or after the view. */
export function csvFileName(asOf: string, viewName?: string): string {
  const day = asOf.slice(0, 10);
  const slug = (viewName ?? 'accounts')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `warden-${slug === '' ? 'accounts' : slug}-${day}.csv`;
}
