import { closeSync, openSync, writeSync } from 'node:fs';

/** Buffers are written base64 as they are: binary values such as unicodePwd. */
export type AttributeValue = string | Buffer | readonly string[];
export type Attributes = readonly (readonly [string, AttributeValue | undefined])[];

/**
 * Printable ASCII that RFC 2849 lets through as is (no leading space, colon or
 * `<`, no trailing space); anything else — accents, control characters — goes base64.
 */
function safeAsIs(value: string): boolean {
  if (/^[ :<]/.test(value) || value.endsWith(' ')) return false;
  return /^[ -~]*$/.test(value);
}

export function ldifLine(name: string, value: string | Buffer): string {
  if (Buffer.isBuffer(value)) return `${name}:: ${value.toString('base64')}\n`;
  if (safeAsIs(value)) return `${name}: ${value}\n`;
  return `${name}:: ${Buffer.from(value, 'utf8').toString('base64')}\n`;
}

/** Escapes a value for use in an RDN (RFC 4514). */
export function escapeRdnValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (char) => `\\${char}`)
    .replace(/^[ #]/, (char) => `\\${char}`)
    .replace(/ $/, '\\ ');
}

export interface LdifFile {
  path: string;
  records: number;
}

/**
 * Writes LDIF straight to files through a small buffer: a 100k-account domain
 * is hundreds of megabytes and must not be built as one string. With
 * `recordsPerFile`, it starts a new file (`name-2.ldif`, …) every so many
 * records: ldbadd slows down as one transaction grows, so a large seed loads
 * faster as a series of smaller files.
 */
export class LdifWriter {
  private fd: number;
  private buffer = '';
  private readonly done: LdifFile[] = [];
  private current: LdifFile;

  constructor(
    private readonly path: string,
    private readonly recordsPerFile = Number.POSITIVE_INFINITY,
  ) {
    this.current = { path, records: 0 };
    this.fd = openSync(path, 'w');
  }

  add(dn: string, attributes: Attributes): void {
    let text = ldifLine('dn', dn);
    for (const [name, value] of attributes) {
      if (value === undefined) continue;
      if (typeof value === 'string' || Buffer.isBuffer(value)) text += ldifLine(name, value);
      else for (const item of value) text += ldifLine(name, item);
    }
    this.push(`${text}\n`);
  }

  /** A modify record that adds values, for objects provision created (the built-in groups). */
  addValues(dn: string, name: string, values: readonly string[]): void {
    let text = `${ldifLine('dn', dn)}changetype: modify\nadd: ${name}\n`;
    for (const value of values) text += ldifLine(name, value);
    this.push(`${text}-\n\n`);
  }

  /** Closes the last file and lists every file written, in order, with its record count. */
  close(): LdifFile[] {
    this.flush();
    closeSync(this.fd);
    return [...this.done, this.current];
  }

  private push(text: string): void {
    if (this.current.records >= this.recordsPerFile) this.rotate();
    this.current.records += 1;
    this.buffer += text;
    if (this.buffer.length > 1 << 20) this.flush();
  }

  private rotate(): void {
    this.flush();
    closeSync(this.fd);
    this.done.push(this.current);
    const path = this.path.replace(/(\.ldif)?$/, `-${this.done.length + 1}$1`);
    this.current = { path, records: 0 };
    this.fd = openSync(path, 'w');
  }

  private flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}
