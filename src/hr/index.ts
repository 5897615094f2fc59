/**
 * HR employee lists: reading CSV and XLSX files, mapping their columns,
 * validating their rows, and storing them as the current HR list that
 * reconciliation reads (through store.hr).
 */
export {
  importHrFile,
  parseMapping,
  MAX_LISTED_ISSUES,
  type HrFileInput,
  type HrImportResult,
  type ImportHrFileOptions,
} from './import';
export { previewHrFile, DEFAULT_PREVIEW_ROWS, MAX_PREVIEW_ROWS, type HrFilePreview } from './preview';
export {
  HrImportError,
  isHrImportError,
  MAX_FIELD_CHARS,
  MAX_ROWS,
  MAX_FILE_BYTES,
  type HrImportErrorCode,
} from './errors';
export {
  HR_FIELDS,
  HR_STATUSES,
  DATE_FORMATS,
  HrMappingSchema,
  type DateFormat,
  type HrField,
  type HrMapping,
  type HrRecord,
  type HrRecordInput,
  type HrStatus,
} from './fields';
export type { HrRowIssue } from './validate-rows';
export { detectMapping, normalizeHeader } from './mapping';
export { normalizeStatus } from './status';
export { parseDate } from './dates';
