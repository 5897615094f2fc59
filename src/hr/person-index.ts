import { normalizeKey } from './match-keys';
import type { HrPerson } from './match-input';

const NO_ONE: readonly HrPerson[] = [];

/**
 * The people filed under one kind of key. Nearly every key is one person's,
 * so a key holds the person itself and only a shared key a list: a list for
 * each of 600,000 keys was a large part of what the garbage collector had to
 * copy while matching a 200k-row HR list.
 */
export class PeopleByKey {
  private readonly people = new Map<string, HrPerson | HrPerson[]>();

  add(value: string | null, person: HrPerson): void {
    const key = normalizeKey(value);
    if (key === undefined) return;
    const filed = this.people.get(key);
    if (filed === undefined) this.people.set(key, person);
    else if (Array.isArray(filed)) filed.push(person);
    else this.people.set(key, [filed, person]);
  }

  /** Everyone filed under a normalized key, in the order they were added. */
  get(key: string): readonly HrPerson[] {
    const filed = this.people.get(key);
    if (filed === undefined) return NO_ONE;
    return Array.isArray(filed) ? filed : [filed];
  }
}

/** The HR list filed by each key an exact rule compares, for lookups in constant time. */
export interface PersonIndex {
  byEmployeeId: PeopleByKey;
  byEmail: PeopleByKey;
  byUsername: PeopleByKey;
}

export function indexPeople(people: readonly HrPerson[]): PersonIndex {
  const byEmployeeId = new PeopleByKey();
  const byEmail = new PeopleByKey();
  const byUsername = new PeopleByKey();
  for (const person of people) {
    byEmployeeId.add(person.employeeId, person);
    byEmail.add(person.email, person);
    byUsername.add(person.username, person);
  }
  return { byEmployeeId, byEmail, byUsername };
}

/** "employee E1001 (HR row 12)": how an explanation names a person. */
export function describePerson(person: Pick<HrPerson, 'employeeId' | 'rowNumber'>): string {
  return `${person.employeeId === null ? 'the employee without ID' : `employee ${person.employeeId}`} (HR row ${person.rowNumber})`;
}
