import { LdifError, where } from './errors';

/** One unfolded line, numbered by the physical line it starts on. Comments never come out. */
export type LogicalLine = { kind: 'blank'; line: number } | { kind: 'text'; text: string; line: number };

type Pending = LogicalLine | { kind: 'comment'; line: number };

const BOM = '\uFEFF';

/**
 * Turns physical lines into logical ones (RFC 2849 section "Notes on LDIF
 * syntax", 2): a line that starts with one space continues the line before
 * it, minus that space; comments may be folded too. A line is only complete
 * when the next one is seen, so each push completes at most one line.
 */
export class LogicalLines {
  private pending: Pending | undefined;
  private physical = 0;

  constructor(private readonly path: string | undefined) {}

  /** The physical line last pushed, counted from 1. */
  get lineNumber(): number {
    return this.physical;
  }

  /** Feeds one physical line without its line ending (a trailing CR is dropped). */
  push(raw: string): LogicalLine | undefined {
    this.physical += 1;
    let text = this.physical === 1 && raw.startsWith(BOM) ? raw.slice(1) : raw;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.startsWith(' ')) {
      this.continueWith(text.slice(1));
      return undefined;
    }
    const completed = this.complete();
    if (text === '') this.pending = { kind: 'blank', line: this.physical };
    else if (text.startsWith('#')) this.pending = { kind: 'comment', line: this.physical };
    else this.pending = { kind: 'text', text, line: this.physical };
    return completed;
  }

  /** The last line, once the input has ended. */
  end(): LogicalLine | undefined {
    const completed = this.complete();
    this.pending = undefined;
    return completed;
  }

  private continueWith(rest: string): void {
    const pending = this.pending;
    if (pending === undefined || pending.kind === 'blank')
      throw new LdifError(
        'LDIF_SYNTAX',
        `${where(this.path, this.physical)} starts with a space, which continues the line before it, but there is no line to continue${pending === undefined ? '' : ' (the line before is blank)'}.`,
        { path: this.path, line: this.physical },
      );
    if (pending.kind === 'text') pending.text += rest;
  }

  private complete(): LogicalLine | undefined {
    const pending = this.pending;
    return pending === undefined || pending.kind === 'comment' ? undefined : pending;
  }
}
