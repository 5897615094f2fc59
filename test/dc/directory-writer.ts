import { Attribute, Change, Client } from 'ldapts';
import type { TestDc } from './test-dc';

/**
 * Changes made to a test DC the way an administrator's tools make them, over
 * LDAPS as the domain administrator: what incremental rescans must notice.
 * Test code only; the product's own writes live in src/directory.
 */
export interface DirectoryWriter {
  add(dn: string, attributes: Record<string, string | string[]>): Promise<void>;
  replace(dn: string, attribute: string, values: string[]): Promise<void>;
  addValues(dn: string, attribute: string, values: string[]): Promise<void>;
  removeValues(dn: string, attribute: string, values: string[]): Promise<void>;
  /** Renames or moves: `newDn` is the whole new DN. */
  move(dn: string, newDn: string): Promise<void>;
  remove(dn: string): Promise<void>;
  close(): Promise<void>;
}

/** A DC reached over LDAPS as its administrator: a test DC, or the one a benchmark started. */
export type WritableDc = Pick<TestDc, 'ldapsUrl' | 'caPem' | 'adminUpn' | 'adminPassword'>;

export async function directoryWriter(dc: WritableDc): Promise<DirectoryWriter> {
  const client = new Client({ url: dc.ldapsUrl, tlsOptions: { ca: dc.caPem }, timeout: 10_000 });
  await client.bind(dc.adminUpn, dc.adminPassword);
  const modify = (dn: string, operation: 'add' | 'delete' | 'replace', type: string, values: string[]) =>
    client.modify(dn, new Change({ operation, modification: new Attribute({ type, values }) }));
  return {
    add: (dn, attributes) => client.add(dn, attributes),
    replace: (dn, attribute, values) => modify(dn, 'replace', attribute, values),
    addValues: (dn, attribute, values) => modify(dn, 'add', attribute, values),
    removeValues: (dn, attribute, values) => modify(dn, 'delete', attribute, values),
    move: (dn, newDn) => client.modifyDN(dn, newDn),
    remove: (dn) => client.del(dn),
    close: () => client.unbind(),
  };
}
