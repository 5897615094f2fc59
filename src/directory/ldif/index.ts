/** Reading LDIF exports (ldifde, ldapsearch) into the entries a directory search yields. */
export { readLdifEntries, type ReadLdifOptions } from './read-file';
export { parseLdif } from './parse';
export { LdifParser } from './parser';
export { LdifError, isLdifError, type LdifErrorCode, type LdifErrorDetails } from './errors';
