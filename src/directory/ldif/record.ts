import type { DirectoryEntry } from '../search';
import { shapeValues } from './values';

/** The attributes of one record as they are read, merged by name regardless of case as LDAP compares them. */
export class RecordBuilder {
  private readonly attributes = new Map<string, { name: string; values: (string | Buffer)[] }>();

  constructor(
    readonly dn: string,
    readonly line: number,
  ) {}

  add(name: string, value: string | Buffer): void {
    const key = name.toLowerCase();
    const existing = this.attributes.get(key);
    if (existing === undefined) this.attributes.set(key, { name, values: [value] });
    else existing.values.push(value);
  }

  build(): DirectoryEntry {
    const entry: DirectoryEntry = { dn: this.dn };
    for (const { name, values } of this.attributes.values()) entry[name] = shapeValues(name, values);
    return entry;
  }
}
