import { Attribute, Change } from 'ldapts';
import { clientOf, type DirectoryConnection } from './connection';
import { movedDn } from './dn-parts';
import { toWriteError } from './write-errors';

/** One change of a modify request. Values are text, or bytes for binary attributes (unicodePwd). */
export interface AttributeChange {
  operation: 'add' | 'delete' | 'replace';
  attribute: string;
  /** Empty with `replace` or `delete`: remove every value. */
  values: readonly string[] | readonly Buffer[];
}

function describe(changes: readonly AttributeChange[]): { verb: string; attribute: string } {
  const attribute = [...new Set(changes.map((change) => change.attribute))].join(', ');
  return { verb: `change ${attribute} of`, attribute };
}

/** One LDAP modify: every change applies, or none does (the DC applies a request atomically). */
export async function modifyEntry(
  connection: DirectoryConnection,
  dn: string,
  changes: readonly AttributeChange[],
): Promise<void> {
  const request = changes.map(
    (change) =>
      new Change({
        operation: change.operation,
        modification: new Attribute({
          type: change.attribute,
          values: [...change.values] as string[] | Buffer[],
        }),
      }),
  );
  try {
    await clientOf(connection).modify(dn, request);
  } catch (error) {
    throw toWriteError(error, connection, { dn, ...describe(changes) });
  }
}

/** Moves an object to another container (LDAP modifyDN), keeping its RDN; answers its new DN. */
export async function moveEntry(connection: DirectoryConnection, dn: string, newParentDn: string): Promise<string> {
  return renameEntry(connection, dn, movedDn(dn, newParentDn));
}

/** Gives an object a whole new DN (name and container), as an undo needs to put it back exactly. */
export async function renameEntry(connection: DirectoryConnection, dn: string, newDn: string): Promise<string> {
  try {
    await clientOf(connection).modifyDN(dn, newDn);
  } catch (error) {
    throw toWriteError(error, connection, { verb: 'move', dn, newDn });
  }
  return newDn;
}
