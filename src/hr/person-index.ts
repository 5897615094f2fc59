import { normalizeKey } from './match-keys';
import type { HrPerson } from './match-input';

/** The HR list filed by each key an exact rule compares, for lookups in constant time. */
export interface PersonIndex {
  byEmployeeId: ReadonlyMap<string, readonly HrPerson[]>;
  byEmail: ReadonlyMap<string, readonly HrPerson[]>;
  byUsername: ReadonlyMap<string, readonly HrPerson[]>;
}

function file(map: Map<string, HrPerson[]>, value: string | null, person: HrPerson): void {
  const key = normalizeKey(value);
  if (key === undefined) return;
  const list = map.get(key);
  if (list === undefined) map.set(key, [person]);
  else list.push(person);
}

export function indexPeople(people: readonly HrPerson[]): PersonIndex {
  const byEmployeeId = new Map<string, HrPerson[]>();
  const byEmail = new Map<string, HrPerson[]>();
  const byUsername = new Map<string, HrPerson[]>();
  for (const person of people) {
    file(byEmployeeId, person.employeeId, person);
    file(byEmail, person.email, person);
    file(byUsername, person.username, person);
  }
  return { byEmployeeId, byEmail, byUsername };
}

/** "employee E1001 (HR row 12)": how an explanation names a person. */
export function describePerson(person: Pick<HrPerson, 'employeeId' | 'rowNumber'>): string {
  return `${person.employeeId === null ? 'the employee without ID' : `employee ${person.employeeId}`} (HR row ${person.rowNumber})`;
}
