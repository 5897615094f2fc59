/**
 * The names of the entries of a ZIP archive, read from its central directory
 * at the end of the file: enough to tell an XLSX workbook from any other ZIP
 * (a .docx, an .ods, an archive of anything) before handing it to the
 * workbook reader. Returns undefined when the end of the file holds no
 * readable central directory (a truncated or damaged archive).
 */
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

export function zipEntryNames(tail: Buffer): string[] | undefined {
  // The end record is 22 bytes plus a comment of up to 65,535 bytes.
  for (let at = tail.length - 22; at >= 0 && at >= tail.length - 22 - 65_535; at -= 1) {
    if (tail.readUInt32LE(at) !== END_OF_CENTRAL_DIRECTORY) continue;
    const entries = tail.readUInt16LE(at + 10);
    const directorySize = tail.readUInt32LE(at + 12);
    let cursor = at - directorySize;
    if (cursor < 0) return undefined;
    const names: string[] = [];
    for (let index = 0; index < entries; index += 1) {
      if (cursor + 46 > at || tail.readUInt32LE(cursor) !== CENTRAL_DIRECTORY_ENTRY) return undefined;
      const nameLength = tail.readUInt16LE(cursor + 28);
      const extraLength = tail.readUInt16LE(cursor + 30);
      const commentLength = tail.readUInt16LE(cursor + 32);
      names.push(tail.toString('utf8', cursor + 46, cursor + 46 + nameLength));
      cursor += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return undefined;
}
