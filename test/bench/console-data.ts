import { join } from 'node:path';
import { readLdifEntries, type DirectoryEntry } from '../../src/directory';
import { entryKind, ingestSnapshot, parentDn, type IngestResult } from '../../src/inventory';
import type { Store } from '../../src/store';

const DEMO_LDIF = join(import.meta.dirname, '../../resources/demo/corp-demo.ldif');
const PAGE = 500;

/** `svc-x` → `svc-x-7`, `gmsa-web$` → `gmsa-web-7$`: the copy's name, unique and still shaped like the original. */
function suffixed(value: string, copy: number): string {
  return value.endsWith('$') ? `${value.slice(0, -1)}-${copy}$` : `${value}-${copy}`;
}

/** The user part of a UPN or an address gets the copy's number; the domain stays. */
function suffixedAddress(value: string, copy: number): string {
  const at = value.indexOf('@');
  return at < 0 ? suffixed(value, copy) : `${value.slice(0, at)}-${copy}${value.slice(at)}`;
}

function copyDn(dn: string, copy: number): string {
  const parent = parentDn(dn);
  return parent === null ? `${dn}-${copy}` : `${dn.slice(0, dn.length - parent.length - 1)}-${copy},${parent}`;
}

/** A GUID of its own: the original's last four bytes mixed with the copy's number. */
function copyGuid(guid: Buffer, copy: number): Buffer {
  const bytes = Buffer.from(guid);
  bytes.writeUInt32LE((bytes.readUInt32LE(12) ^ (copy * 0x9e3779b1)) >>> 0, 12);
  return bytes;
}

/** The same domain SID with a RID no original account has. */
function copySid(sid: Buffer, copy: number): Buffer {
  const bytes = Buffer.from(sid);
  const at = bytes.length - 4;
  bytes.writeUInt32LE(bytes.readUInt32LE(at) + copy * 100_000, at);
  return bytes;
}

function copyAccount(entry: DirectoryEntry, copy: number): DirectoryEntry {
  const dn = copyDn(entry.dn, copy);
  const copied: DirectoryEntry = { ...entry, dn, distinguishedName: dn };
  const text = (name: string) => (typeof entry[name] === 'string' ? (entry[name] as string) : undefined);
  const sam = text('sAMAccountName');
  if (sam !== undefined) copied['sAMAccountName'] = suffixed(sam, copy);
  const upn = text('userPrincipalName');
  if (upn !== undefined) copied['userPrincipalName'] = suffixedAddress(upn, copy);
  const mail = text('mail');
  if (mail !== undefined) copied['mail'] = suffixedAddress(mail, copy);
  const cn = text('cn');
  if (cn !== undefined) copied['cn'] = `${cn}-${copy}`;
  const displayName = text('displayName');
  if (displayName !== undefined) copied['displayName'] = `${displayName} ${copy}`;
  const employeeId = text('employeeID');
  if (employeeId !== undefined) copied['employeeID'] = `${employeeId}-${copy}`;
  const guid = entry['objectGUID'];
  if (Buffer.isBuffer(guid)) copied['objectGUID'] = copyGuid(guid, copy);
  const sid = entry['objectSid'];
  if (Buffer.isBuffer(sid)) copied['objectSid'] = copySid(sid, copy);
  return copied;
}

/**
 * The bundled demo company copied until it holds `accounts` accounts: every
 * account again under a suffixed name, GUID and SID, and every group listing
 * the copies of its members, so group nesting, privileged paths, owners and
 * dormancy keep the demo's shape at scale. Yields pages, as a scan would.
 */
async function* scaledDemo(accounts: number): AsyncGenerator<DirectoryEntry[]> {
  const originals: DirectoryEntry[] = [];
  const groups: DirectoryEntry[] = [];
  for await (const page of readLdifEntries(DEMO_LDIF)) {
    for (const entry of page) {
      const kind = entryKind(entry);
      if (kind === 'group') groups.push(entry);
      else if (kind !== undefined) originals.push(entry);
    }
  }
  const copies = Math.max(1, Math.ceil(accounts / originals.length));
  const copiesOf = new Map<string, string[]>();
  let page: DirectoryEntry[] = [];
  for (let copy = 0; copy < copies; copy += 1) {
    for (const original of originals) {
      const entry = copy === 0 ? original : copyAccount(original, copy);
      if (copy > 0) {
        const key = original.dn.toLowerCase();
        const known = copiesOf.get(key);
        if (known === undefined) copiesOf.set(key, [entry.dn]);
        else known.push(entry.dn);
      }
      page.push(entry);
      if (page.length === PAGE) {
        yield page;
        page = [];
      }
    }
  }
  if (page.length > 0) yield page;
  for (let start = 0; start < groups.length; start += PAGE) {
    yield groups.slice(start, start + PAGE).map((group) => {
      const members = group['member'];
      const list = typeof members === 'string' ? [members] : Array.isArray(members) ? members.map(String) : [];
      const scaled = list.flatMap((member) => [member, ...(copiesOf.get(member.toLowerCase()) ?? [])]);
      return { ...group, member: scaled };
    });
  }
}

/** Writes the scaled demo company into the store as one complete snapshot marked as the demo. */
export function writeScaledDemo(store: Store, accounts: number): Promise<IngestResult> {
  return ingestSnapshot({ store, snapshot: { sourceKind: 'demo' }, pages: scaledDemo(accounts) });
}
