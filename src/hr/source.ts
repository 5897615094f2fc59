import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { HrImportError, MAX_FILE_BYTES } from './errors';

/**
 * Where an HR file comes from: a path (the CLI) or its bytes (the app, whose
 * renderer cannot hand the main process a path). Either way the readers get
 * its first bytes, its last bytes and a stream of all of it, so nothing needs
 * the whole file in memory a second time.
 */
export interface HrSource {
  /** The name without directories: what mappings are saved under and errors cite. */
  readonly fileName: string;
  readonly size: number;
  /** Up to `length` bytes from the start. */
  head(length: number): Promise<Buffer>;
  /** Up to `length` bytes from the end. */
  tail(length: number): Promise<Buffer>;
  /** All the bytes, in chunks. */
  stream(): Readable;
}

export function bytesSource(fileName: string, bytes: Uint8Array): HrSource {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    fileName: basename(fileName),
    size: buffer.length,
    head: async (length) => buffer.subarray(0, length),
    tail: async (length) => buffer.subarray(Math.max(0, buffer.length - length)),
    // One chunk per 64 KiB, as a file stream would give, so the parsers can yield between chunks.
    stream: () =>
      Readable.from(
        (function* () {
          for (let start = 0; start < buffer.length; start += 65_536) yield buffer.subarray(start, start + 65_536);
        })(),
      ),
  };
}

/** Checks the file exists and is a readable regular file of a sane size. */
export async function fileSource(path: string): Promise<HrSource> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      throw new HrImportError('FILE_UNREADABLE', `${path} is not a file.`, { path });
    }
    size = info.size;
  } catch (error) {
    if (error instanceof HrImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new HrImportError('FILE_NOT_FOUND', `There is no file ${path}.`, { path }, { cause: error });
    }
    throw new HrImportError(
      'FILE_UNREADABLE',
      `${path} cannot be read (${code ?? 'error'}).`,
      { path },
      { cause: error },
    );
  }
  if (size > MAX_FILE_BYTES) {
    throw new HrImportError(
      'FILE_TOO_LARGE',
      `${path} has ${size} bytes; an HR list is read up to ${MAX_FILE_BYTES} bytes.`,
      { path, size, limit: MAX_FILE_BYTES },
    );
  }
  const readAt = async (position: number, length: number): Promise<Buffer> => {
    let handle;
    try {
      handle = await open(path, 'r');
      const buffer = Buffer.alloc(Math.min(length, size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      return buffer.subarray(0, bytesRead);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new HrImportError('FILE_UNREADABLE', `${path} cannot be read (${code}).`, { path }, { cause: error });
    } finally {
      await handle?.close();
    }
  };
  return {
    fileName: basename(path),
    size,
    head: (length) => readAt(0, length),
    tail: (length) => readAt(Math.max(0, size - length), length),
    stream: () => createReadStream(path, { highWaterMark: 65_536 }),
  };
}
