import type { DirectoryEntry } from '../search';
import { parseAttributeLine } from './attribute-line';
import { LdifError, where } from './errors';
import { LogicalLines, type LogicalLine } from './lines';
import { RecordBuilder } from './record';
import { decodeUtf8 } from './values';

/** `skip`: inside a search-result or referral record of ldapsearch's extended LDIF, which is not an entry. */
type State = 'start' | 'between' | 'record' | 'skip';

/** What plain `ldapsearch` (without -L) writes after the entries, and for each referral. */
const RESULT_RECORD = /^search:\s*\d+\s*$/i;
const REFERRAL_RECORD = /^ref:/i;
const RESULT_LINE = /^result:\s*(\d+)\s*(.*)$/i;

/**
 * Reads LDIF content records one physical line at a time, so a file is never
 * held in memory and text and streams share one parser. Accepts what
 * `ldapsearch -LLL` and Windows `ldifde -f` write, `changetype: add` included;
 * refuses change records, which describe edits rather than the directory.
 */
export class LdifParser {
  private readonly lines: LogicalLines;
  private state: State = 'start';
  private record: RecordBuilder | undefined;
  /** True right after a dn line, the only place a changetype may stand. */
  private afterDn = false;
  private entryCount = 0;

  constructor(private readonly path?: string) {
    this.lines = new LogicalLines(path);
  }

  /** The physical line last read, for errors and progress. */
  get lineNumber(): number {
    return this.lines.lineNumber;
  }

  get entries(): number {
    return this.entryCount;
  }

  /** Feeds one physical line; returns the entry it completes, if any. */
  push(raw: string): DirectoryEntry | undefined {
    const logical = this.lines.push(raw);
    return logical === undefined ? undefined : this.accept(logical);
  }

  /** Ends the input: returns the last entry, or throws when the input held no entry at all. */
  end(): DirectoryEntry | undefined {
    const logical = this.lines.end();
    const last = (logical === undefined ? undefined : this.accept(logical)) ?? this.finishRecord();
    if (this.state === 'start')
      throw new LdifError(
        'LDIF_EMPTY',
        `${this.path ?? 'The LDIF text'} is empty: it holds no entries, only blank lines or comments.`,
        this.details(),
      );
    if (this.entryCount === 0)
      throw new LdifError(
        'LDIF_NO_ENTRIES',
        `${this.path ?? 'The LDIF text'} holds no entries: there is no "dn:" line.`,
        this.details(),
      );
    return last;
  }

  private accept(logical: LogicalLine): DirectoryEntry | undefined {
    if (logical.kind === 'blank') {
      if (this.state === 'skip') this.state = 'between';
      return this.finishRecord();
    }
    const { text, line } = logical;
    if (this.state === 'skip') {
      this.checkResult(text, line);
      return undefined;
    }
    const isDn = /^dn:/i.test(text);
    if (this.state === 'start') {
      if (isDn) return this.startRecord(text, line);
      if (/^version:/i.test(text)) return this.readVersion(text, line);
      const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
      throw new LdifError(
        'LDIF_NOT_LDIF',
        `${this.path ?? 'The text'} is not LDIF: its first line should be "version: 1" or "dn: …", but line ${line} reads ${JSON.stringify(shown)}.`,
        { path: this.path, line },
      );
    }
    if (this.state === 'between') {
      if (isDn) return this.startRecord(text, line);
      if (RESULT_RECORD.test(text) || REFERRAL_RECORD.test(text)) {
        this.state = 'skip';
        return undefined;
      }
      throw new LdifError(
        'LDIF_MISSING_DN',
        `The record at ${where(this.path, line)} does not start with "dn:"; every entry starts with its distinguished name.`,
        { path: this.path, line },
      );
    }
    this.readAttribute(text, line);
    return undefined;
  }

  /** A search that ended in an error (a size or time limit, a lost connection) wrote only part of the directory. */
  private checkResult(text: string, line: number): void {
    const result = RESULT_LINE.exec(text);
    if (result === null || result[1] === '0') return;
    const status = `${result[1]} ${result[2] ?? ''}`.trim();
    throw new LdifError(
      'LDIF_INCOMPLETE',
      `${where(this.path, line)}: the search that wrote this export ended with "result: ${status}", so it holds only part of the directory. Export again without that limit.`,
      { path: this.path, line },
    );
  }

  private readVersion(text: string, line: number): undefined {
    const { value } = parseAttributeLine(text, line, this.path);
    const version = typeof value === 'string' ? value.trim() : decodeUtf8(value);
    if (version !== '1')
      throw new LdifError(
        'LDIF_UNSUPPORTED_VERSION',
        `${where(this.path, line)} declares LDIF version ${JSON.stringify(version ?? '')}; only version 1 (RFC 2849) is read.`,
        { path: this.path, line },
      );
    this.state = 'between';
    return undefined;
  }

  private startRecord(text: string, line: number): undefined {
    const { value } = parseAttributeLine(text, line, this.path);
    const dn = typeof value === 'string' ? value : decodeUtf8(value);
    if (dn === undefined)
      throw new LdifError('LDIF_ENCODING', `${where(this.path, line)}: the base64 dn is not UTF-8 text.`, {
        path: this.path,
        line,
        attribute: 'dn',
      });
    this.record = new RecordBuilder(dn, line);
    this.state = 'record';
    this.afterDn = true;
    return undefined;
  }

  private readAttribute(text: string, line: number): void {
    const record = this.record;
    if (record === undefined) throw new Error('LDIF parser: attribute line outside a record');
    const { name, value } = parseAttributeLine(text, line, this.path);
    const lower = name.toLowerCase();
    const afterDn = this.afterDn;
    this.afterDn = false;
    if (lower === 'dn')
      throw new LdifError(
        'LDIF_SYNTAX',
        `${where(this.path, line)} starts a new "dn:" inside the record of line ${record.line}; records are separated by a blank line.`,
        { path: this.path, line, attribute: 'dn' },
      );
    if (lower === 'changetype' || (lower === 'control' && afterDn)) {
      this.readChangeType(lower, value, line, afterDn);
      return;
    }
    record.add(name, value);
  }

  /** ldifde writes every entry as `changetype: add`: that is still the entry's content. */
  private readChangeType(lower: string, value: string | Buffer, line: number, afterDn: boolean): void {
    const changeType =
      lower === 'control' ? 'control' : (typeof value === 'string' ? value : decodeUtf8(value))?.trim();
    if (!afterDn)
      throw new LdifError(
        'LDIF_SYNTAX',
        `${where(this.path, line)}: "changetype:" must come right after the record's "dn:" line.`,
        { path: this.path, line, attribute: 'changetype' },
      );
    if (changeType?.toLowerCase() === 'add') return;
    throw new LdifError(
      'LDIF_UNSUPPORTED_CHANGETYPE',
      changeType === 'control'
        ? `${where(this.path, line)} is a change record with LDAP controls: only exports (content records) can be read.`
        : `${where(this.path, line)} is a change record (changetype: ${changeType ?? '?'}): only exports (content records, or changetype: add) can be read.`,
      { path: this.path, line, attribute: 'changetype' },
    );
  }

  private finishRecord(): DirectoryEntry | undefined {
    const record = this.record;
    if (record === undefined) return undefined;
    this.record = undefined;
    this.state = 'between';
    this.afterDn = false;
    this.entryCount += 1;
    return record.build();
  }

  private details(): { path?: string; line: number } {
    return this.path === undefined ? { line: this.lineNumber } : { path: this.path, line: this.lineNumber };
  }
}
