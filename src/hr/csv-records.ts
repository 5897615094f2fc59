import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import { HrImportError } from './errors';
import type { TextEncodingName } from './sniff';
import type { CsvDelimiter } from './table';

/**
 * A CSV file's records as it streams: its bytes decoded chunk by chunk, then
 * split into records by Papa Parse's parser, a chunk of text at a time.
 */

export interface QuoteCount {
  quotes: number;
}

/**
 * The file's text, chunk by chunk as it streams, counting the quote characters
 * on the way (an odd count means one is never closed).
 */
export async function* decodedText(
  fileName: string,
  input: Readable,
  encoding: TextEncodingName,
  count: QuoteCount,
): AsyncGenerator<string> {
  const text = new TextDecoder(encoding, { fatal: encoding !== 'windows-1252' });
  let offset = 0;
  const decode = (chunk?: Buffer): string => {
    let decoded: string;
    try {
      decoded = chunk === undefined ? text.decode() : text.decode(chunk, { stream: true });
    } catch (error) {
      throw new HrImportError(
        'NOT_TEXT',
        `${fileName} is not valid ${encoding.toUpperCase()} text after byte ${offset}. Save it again as "CSV UTF-8" or "Unicode Text".`,
        { fileName, encoding, byteOffset: offset },
        { cause: error },
      );
    }
    for (let at = decoded.indexOf('"'); at >= 0; at = decoded.indexOf('"', at + 1)) count.quotes += 1;
    return decoded;
  };
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const decoded = decode(chunk);
    offset += chunk.length;
    yield decoded;
  }
  yield decode();
}

type LineEnding = '\n' | '\r' | '\r\n';

/**
 * The line ending Papa Parse's own stream reader would guess from the first
 * chunk (ParserHandle.guessLineEndings): quoted text aside, a \n before any \r
 * means \n; otherwise \r\n when at least half the \r are followed by \n.
 */
function guessLineEnding(text: string): LineEnding {
  const unquoted = text.substring(0, 1024 * 1024).replace(/"[\s\S]*?"/g, '');
  const byReturn = unquoted.split('\r');
  const byNewline = unquoted.split('\n');
  if (byReturn.length === 1 || (byNewline.length > 1 && (byNewline[0]?.length ?? 0) < (byReturn[0]?.length ?? 0))) {
    return '\n';
  }
  const followed = byReturn.filter((part) => part.startsWith('\n')).length;
  return followed >= byReturn.length / 2 ? '\r\n' : '\r';
}

/**
 * The file's records, one batch per chunk of text. Papa Parse's node-stream
 * reader hands records over one at a time through a buffer of 16, pausing
 * and re-parsing the rest of its chunk each time the buffer fills: that cost
 * several times the parsing itself. Its parser, driven chunk by chunk as that
 * reader drives it (the incomplete last record carried over to the next
 * chunk), gives the same records.
 */
export async function* recordBatches(
  texts: AsyncIterable<string>,
  delimiter: CsvDelimiter,
): AsyncGenerator<string[][]> {
  let parser: Papa.Parser | undefined;
  let carried = '';
  let offset = 0;
  for await (const text of texts) {
    // Papa Parse's reader never sees an empty chunk: the line ending is guessed from the first one with text.
    if (text.length === 0) continue;
    const input = carried + text;
    parser ??= new Papa.Parser({ delimiter, newline: guessLineEnding(input) });
    const result = parser.parse(input, offset, true) as Papa.ParseResult<string[]>;
    carried = input.substring(result.meta.cursor - offset);
    offset = result.meta.cursor;
    if (result.data.length > 0) yield result.data;
  }
  if (parser !== undefined && carried.length > 0) {
    yield (parser.parse(carried, offset, false) as Papa.ParseResult<string[]>).data;
  }
}
