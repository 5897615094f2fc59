import { HrImportError } from './errors';
import { HR_FIELDS, type DateFormat, type HrField, type HrMapping } from './fields';

/**
 * Which column feeds which field: detected from the headers, then overridden
 * by a saved mapping, then by the one the user gives.
 *
 * Headers compare by their letters and digits only, lower-cased and with
 * accents folded, so "Work E-mail", "work_email" and "WORK EMAIL" are one
 * header. Each field has synonyms, most specific first; a header serves one
 * field at most.
 */
export const HEADER_SYNONYMS: Readonly<Record<HrField, readonly string[]>> = {
  employeeId: [
    'employeeid',
    'employeenumber',
    'employeeno',
    'employeenum',
    'empid',
    'empno',
    'empnumber',
    'employeecode',
    'personnelnumber',
    'personnelno',
    'personnelid',
    'staffid',
    'staffnumber',
    'staffno',
    'workerid',
    'associateid',
    'personid',
    'hrid',
    'badgenumber',
    'personalnummer',
    'matricule',
    'id',
  ],
  managerEmail: [
    'manageremail',
    'manageremailaddress',
    'managerworkemail',
    'managermail',
    'linemanageremail',
    'supervisoremail',
    'supervisoremailaddress',
    'reportstoemail',
    'managere-mail',
  ],
  email: [
    'workemail',
    'workemailaddress',
    'email',
    'emailaddress',
    'businessemail',
    'corporateemail',
    'officeemail',
    'primaryemail',
    'companyemail',
    'emailwork',
    'mail',
    'upn',
    'userprincipalname',
  ],
  firstName: [
    'firstname',
    'givenname',
    'forename',
    'legalfirstname',
    'preferredfirstname',
    'first',
    'vorname',
    'prenom',
  ],
  lastName: ['lastname', 'surname', 'familyname', 'legallastname', 'last', 'sn', 'nachname', 'nom'],
  displayName: ['displayname', 'fullname', 'employeename', 'preferredname', 'workername', 'name', 'personname'],
  username: [
    'username',
    'userid',
    'samaccountname',
    'login',
    'loginname',
    'loginid',
    'logonname',
    'accountname',
    'account',
    'networkid',
    'windowsid',
    'windowslogin',
    'adaccount',
    'adusername',
    'ntlogin',
    'domainaccount',
  ],
  status: [
    'employmentstatus',
    'employeestatus',
    'status',
    'workerstatus',
    'empstatus',
    'hrstatus',
    'activestatus',
    'employmentstate',
  ],
  endDate: [
    'terminationdate',
    'enddate',
    'termdate',
    'terminatedate',
    'employmentenddate',
    'contractenddate',
    'separationdate',
    'leavingdate',
    'dateofleaving',
    'exitdate',
    'lastday',
    'lastdayofwork',
    'lastworkingday',
    'lastworkingdate',
    'austrittsdatum',
    'termination',
  ],
  department: [
    'department',
    'dept',
    'departmentname',
    'division',
    'businessunit',
    'orgunit',
    'organisationunit',
    'organizationunit',
    'team',
  ],
};

/** The form headers are compared in. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Fields detected from headers alone: field → the header text as the file has it. */
export function detectMapping(header: readonly string[]): Partial<Record<HrField, string>> {
  const byNormal = new Map<string, string>();
  for (const name of header) {
    const normal = normalizeHeader(name);
    if (normal.length > 0 && !byNormal.has(normal)) byNormal.set(normal, name);
  }
  const used = new Set<string>();
  const detected: Partial<Record<HrField, string>> = {};
  // Fields in the order of HEADER_SYNONYMS: the more specific claim their headers first.
  for (const field of Object.keys(HEADER_SYNONYMS) as HrField[]) {
    for (const synonym of HEADER_SYNONYMS[field]) {
      const name = byNormal.get(synonym);
      if (name !== undefined && !used.has(name)) {
        detected[field] = name;
        used.add(name);
        break;
      }
    }
  }
  return detected;
}

/** The mapping in effect: for each field the index of its column, and the header text for errors. */
export interface ResolvedMapping {
  columns: Partial<Record<HrField, { index: number; header: string }>>;
  dateFormat: DateFormat;
  /** As a mapping: what the import used, to store with it and save for the file name. */
  mapping: HrMapping;
  /** Saved mapping entries that no longer match a header (and were replaced by detection). */
  staleSaved: string[];
}

function findHeader(header: readonly string[], wanted: string): number {
  const exact = header.indexOf(wanted);
  if (exact >= 0) return exact;
  const trimmed = header.findIndex((name) => name.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (trimmed >= 0) return trimmed;
  const normal = normalizeHeader(wanted);
  return normal.length === 0 ? -1 : header.findIndex((name) => normalizeHeader(name) === normal);
}

const IDENTIFIERS: readonly HrField[] = ['employeeId', 'email'];
const NAMES: readonly HrField[] = ['firstName', 'lastName', 'displayName', 'username'];

/**
 * Detected, then `saved` over it (entries whose column is gone are dropped),
 * then `given` over both (a column it names must exist). A null entry turns a
 * field off. Fails with MISSING_COLUMNS unless there is a column for an
 * employee ID or an e-mail and one for a name (first, last, display) or a username.
 */
export function resolveMapping(
  fileName: string,
  header: readonly string[],
  given: HrMapping | undefined,
  saved: HrMapping | undefined,
): ResolvedMapping {
  const chosen: Partial<Record<HrField, string | null>> = { ...detectMapping(header) };
  const staleSaved: string[] = [];
  for (const field of HR_FIELDS) {
    const value = saved?.[field];
    if (value === undefined) continue;
    if (value === null || findHeader(header, value) >= 0) chosen[field] = value;
    else staleSaved.push(`${field}: "${value}"`);
  }
  const missing: string[] = [];
  for (const field of HR_FIELDS) {
    const value = given?.[field];
    if (value === undefined) continue;
    if (value !== null && findHeader(header, value) < 0) missing.push(`${field}: "${value}"`);
    chosen[field] = value;
  }
  if (missing.length > 0) {
    throw new HrImportError(
      'INVALID_MAPPING',
      `${fileName}: the mapping names columns the file does not have (${missing.join(', ')}). Its columns are: ${header
        .map((name) => `"${name}"`)
        .join(', ')}.`,
      { fileName, missing, columns: [...header] },
    );
  }

  const columns: ResolvedMapping['columns'] = {};
  const mapping: HrMapping = {};
  for (const field of HR_FIELDS) {
    const value = chosen[field];
    if (value === null) mapping[field] = null;
    if (value === undefined || value === null) continue;
    const index = findHeader(header, value);
    const name = header[index] ?? value;
    columns[field] = { index, header: name };
    mapping[field] = name;
  }
  const dateFormat = given?.dateFormat ?? saved?.dateFormat ?? 'auto';
  if (given?.dateFormat !== undefined || saved?.dateFormat !== undefined) mapping.dateFormat = dateFormat;

  const hasIdentifier = IDENTIFIERS.some((field) => columns[field] !== undefined);
  const hasName = NAMES.some((field) => columns[field] !== undefined);
  if (!hasIdentifier || !hasName) {
    const needs = [
      ...(hasIdentifier ? [] : ['an employee ID or e-mail column']),
      ...(hasName ? [] : ['a first, last or display name column, or a username column']),
    ];
    throw new HrImportError(
      'MISSING_COLUMNS',
      `${fileName} lacks ${needs.join(' and ')}. Its columns are: ${header.map((name) => `"${name}"`).join(', ')}. ` +
        'Rename a header, or say which column holds what with a mapping.',
      { fileName, needs, columns: [...header] },
    );
  }
  return { columns, dateFormat, mapping, staleSaved };
}
