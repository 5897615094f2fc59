import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { DEFAULT_PAGE_SIZE, type DirectoryEntry } from '../search';
import { LdifError } from './errors';
import { LdifParser } from './parser';

export interface ReadLdifOptions {
  /** Entries per page; defaults to a directory search's page size. */
  pageSize?: number;
  /** Honoured between lines and between pages. */
  signal?: AbortSignal;
}

/** Enough to recognise a binary file or UTF-16 before reading a single enormous "line". */
const SNIFF_BYTES = 64 * 1024;

function errnoOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function readFailed(path: string, error: unknown): LdifError {
  const code = errnoOf(error);
  if (code === 'ENOENT')
    return new LdifError('LDIF_NOT_FOUND', `There is no file ${path}.`, { path }, { cause: error });
  const reason =
    code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? String(error));
  return new LdifError('LDIF_READ_FAILED', `${path} cannot be read: ${reason}.`, { path }, { cause: error });
}

function cancelled(path: string, line: number): LdifError {
  return new LdifError('CANCELLED', `Reading ${path} was cancelled at line ${line}.`, { path, line });
}

/** Refuses UTF-16 (what `ldifde -u` writes) and binary files from their first bytes. */
async function sniff(path: string): Promise<void> {
  let head: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw readFailed(path, error);
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    throw new LdifError(
      'LDIF_ENCODING',
      `${path} is UTF-16 text (as "ldifde -u" writes it); export again without -u, or convert it to UTF-8.`,
      { path, line: 1 },
    );
  const nul = head.indexOf(0);
  if (nul >= 0) {
    const line = head.subarray(0, nul).toString('latin1').split('\n').length;
    throw new LdifError('LDIF_NOT_LDIF', `${path} is not LDIF: it holds binary data (line ${line}).`, { path, line });
  }
}

/**
 * The entries of an LDIF export (ldifde, ldapsearch), page by page as the
 * caller consumes them, each shaped exactly as searchPaged yields it: a
 * 500 MB export is never held in memory, and a scan reads a file and a live
 * directory the same way.
 */
export async function* readLdifEntries(
  path: string,
  options: ReadLdifOptions = {},
): AsyncGenerator<DirectoryEntry[], void, undefined> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError(`pageSize must be a positive integer, not ${pageSize}`);
  const signal = options.signal;
  if (signal?.aborted) throw cancelled(path, 0);
  await sniff(path);

  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const parser = new LdifParser(path);
  let page: DirectoryEntry[] = [];
  try {
    try {
      for await (const raw of lines) {
        if (signal?.aborted) throw cancelled(path, parser.lineNumber);
        const entry = parser.push(raw);
        if (entry === undefined) continue;
        page.push(entry);
        if (page.length >= pageSize) {
          const full = page;
          page = [];
          yield full;
        }
      }
    } catch (error) {
      // File system failures while reading (the file vanished, an I/O error) become LdifErrors; the rest pass through.
      throw error instanceof LdifError || errnoOf(error) === undefined ? error : readFailed(path, error);
    }
    const last = parser.end();
    if (last !== undefined) page.push(last);
    if (page.length > 0) yield page;
  } finally {
    lines.close();
    stream.destroy();
  }
}
