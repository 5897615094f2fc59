import { raceAbort } from './abortable';
import { clientOf, errorContext, type DirectoryConnection } from './connection';
import { allStrings, firstString } from './entry-values';
import { cancelled, toDirectoryError } from './map-error';

export interface RootDse {
  defaultNamingContext: string;
  configurationNamingContext: string | undefined;
  rootDomainNamingContext: string | undefined;
  dnsHostName: string | undefined;
  /** 0 = 2000 … 7 = 2016, 10 = 2025. */
  domainFunctionality: number | undefined;
  forestFunctionality: number | undefined;
  /** A 64-bit counter: kept as a string so that no precision is lost. */
  highestCommittedUSN: string | undefined;
  dsServiceName: string | undefined;
  serverName: string | undefined;
  supportedControl: string[];
  supportedCapabilities: string[];
}

const ATTRIBUTES = [
  'defaultNamingContext',
  'configurationNamingContext',
  'rootDomainNamingContext',
  'dnsHostName',
  'domainFunctionality',
  'forestFunctionality',
  'highestCommittedUSN',
  'dsServiceName',
  'serverName',
  'supportedControl',
  'supportedCapabilities',
];

function toNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Reads the rootDSE: what the DC says about itself and its domain. */
export async function readRootDse(
  connection: DirectoryConnection,
  options: { signal?: AbortSignal } = {},
): Promise<RootDse> {
  const context = errorContext(connection, 'search', { base: '(rootDSE)' });
  try {
    const { searchEntries } = await raceAbort(
      clientOf(connection).search('', { scope: 'base', filter: '(objectClass=*)', attributes: ATTRIBUTES }),
      { ...(options.signal === undefined ? {} : { signal: options.signal }), onAbort: () => cancelled(context) },
    );
    const entry = searchEntries[0];
    const defaultNamingContext = entry === undefined ? undefined : firstString(entry, 'defaultNamingContext');
    if (entry === undefined || defaultNamingContext === undefined) {
      throw toDirectoryError(
        new Error('the rootDSE has no defaultNamingContext: is this an Active Directory domain controller?'),
        context,
      );
    }
    return {
      defaultNamingContext,
      configurationNamingContext: firstString(entry, 'configurationNamingContext'),
      rootDomainNamingContext: firstString(entry, 'rootDomainNamingContext'),
      dnsHostName: firstString(entry, 'dnsHostName'),
      domainFunctionality: toNumber(firstString(entry, 'domainFunctionality')),
      forestFunctionality: toNumber(firstString(entry, 'forestFunctionality')),
      highestCommittedUSN: firstString(entry, 'highestCommittedUSN'),
      dsServiceName: firstString(entry, 'dsServiceName'),
      serverName: firstString(entry, 'serverName'),
      supportedControl: allStrings(entry, 'supportedControl'),
      supportedCapabilities: allStrings(entry, 'supportedCapabilities'),
    };
  } catch (error) {
    throw toDirectoryError(error, context);
  }
}
