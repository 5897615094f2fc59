import { LdifError, where } from './errors';

/** One `name: value` line: text as written, or the bytes a `name:: base64` line encodes. */
export interface AttributeLine {
  name: string;
  value: string | Buffer;
  line: number;
}

/**
 * An attribute type (a name or an OID) and its options, which stay part of
 * the name as ldapts keeps them: `member;range=0-1499`, `userCertificate;binary`.
 * Options allow `=` and `*` beyond RFC 4512 because AD's range option uses them.
 */
const ATTRIBUTE_NAME = /^(?:[A-Za-z][A-Za-z0-9-]*|[0-9]+(?:\.[0-9]+)*)(?:;[A-Za-z0-9=*.-]+)*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** NUL, and what a lenient decoder puts in place of bytes that are not UTF-8. */
const NOT_TEXT = /[\0\uFFFD]/;

/** Parses a logical line (already unfolded, not a comment, not blank). */
export function parseAttributeLine(text: string, line: number, path: string | undefined): AttributeLine {
  const colon = text.indexOf(':');
  const name = colon < 0 ? text : text.slice(0, colon);
  if (colon <= 0 || !ATTRIBUTE_NAME.test(name)) {
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    throw new LdifError(
      'LDIF_SYNTAX',
      `${where(path, line)} is not an "attribute: value" line: ${JSON.stringify(shown)}.`,
      { path, line, ...(colon > 0 ? { attribute: name } : {}) },
    );
  }
  const rest = text.slice(colon + 1);
  if (rest.startsWith(':')) return { name, value: decodeBase64(rest.slice(1).trim(), name, line, path), line };
  if (rest.startsWith('<'))
    throw new LdifError(
      'LDIF_URL_VALUE',
      `${where(path, line)}: the value of ${name} is a URL (${rest.slice(1).trim()}). Values stored outside the LDIF file are not read; export again without them.`,
      { path, line, attribute: name },
    );
  // RFC 2849 allows any number of spaces after the colon; a value that starts with a space must be base64.
  const value = rest.replace(/^ +/, '');
  if (NOT_TEXT.test(value))
    throw new LdifError(
      'LDIF_ENCODING',
      `${where(path, line)}: the value of ${name} holds bytes that are not UTF-8 text (or a NUL). Binary values must be written as "${name}:: base64".`,
      { path, line, attribute: name },
    );
  return { name, value, line };
}

function decodeBase64(encoded: string, name: string, line: number, path: string | undefined): Buffer {
  // Buffer.from(…, 'base64') skips what it does not understand; a damaged export must not pass for a valid one.
  if (encoded.length % 4 !== 0 || !BASE64.test(encoded))
    throw new LdifError(
      'LDIF_BAD_BASE64',
      `${where(path, line)}: the value of ${name} is marked as base64 ("${name}::") but is not valid base64.`,
      { path, line, attribute: name },
    );
  return Buffer.from(encoded, 'base64');
}
