import type { OperationInput, OperationOutput } from '../api/contract-types';

export type HrPreview = OperationOutput<'previewHrFile'>;
export type HrImportResult = OperationOutput<'importHrFile'>;
export type HrMapping = NonNullable<OperationInput<'importHrFile'>['mapping']>;
export type HrField = Exclude<keyof HrMapping, 'dateFormat'>;
export type DateFormat = NonNullable<HrMapping['dateFormat']>;
export type HrRowIssue = HrImportResult['errors'][number];

/** The fields Warden reads from an HR list, in the order the wizard offers them. */
export const HR_FIELD_LABELS: Record<HrField, string> = {
  employeeId: 'Employee ID',
  email: 'E-mail',
  firstName: 'First name',
  lastName: 'Last name',
  displayName: 'Display name',
  username: 'User name',
  status: 'Status',
  endDate: 'End date',
  department: 'Department',
  managerEmail: 'Manager e-mail',
};

export const HR_FIELDS = Object.keys(HR_FIELD_LABELS) as HrField[];

export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  auto: 'Decide from the file',
  mdy: 'Month first (03/31/2025)',
  dmy: 'Day first (31/03/2025)',
  ymd: 'Year first (2025-03-31)',
};

/**
 * Every field named, so the core reads exactly what the wizard shows: a field
 * the effective mapping leaves out is sent as null ("not in this file")
 * rather than left to detection.
 */
export function completeMapping(preview: HrPreview): HrMapping {
  const effective = preview.mapping ?? preview.detected;
  const mapping: HrMapping = { dateFormat: effective.dateFormat ?? 'auto' };
  for (const field of HR_FIELDS) mapping[field] = effective[field] ?? null;
  return mapping;
}
