import type { ConnectionTarget } from '../../api/schemas';
import { testConnection } from '../../directory/test-connection';
import { EXIT, writeJson, writeLine, type CliIo } from '../cli-io';
import type { Command, OptionValues } from '../command';
import { connectionHelp, connectionOptions, parseConnectionFlags } from '../connection-flags';
import { profileConnection, profileHelp, profileName, profileOption } from '../profile-flag';
import { progressLine } from '../progress-line';
import { readSecret } from '../secrets';
import { openStoreFromFlags } from '../store-flags';

/** The DC to check and the password to bind with: from the flags, or from a profile saved in the store named by --db. */
async function bindFrom(values: OptionValues, io: CliIo): Promise<{ target: ConnectionTarget; password: string }> {
  const name = profileName(values);
  if (name === undefined) {
    const target = parseConnectionFlags(values);
    return { target, password: await readSecret(io, 'WARDEN_BIND_PASSWORD', `Password for ${target.bindName}`) };
  }
  const store = await openStoreFromFlags(values, io);
  try {
    const { target, password } = await profileConnection(store, name, values, io);
    return { target, password };
  } finally {
    await store.close();
  }
}

export const connectCommand: Command = {
  words: ['connect'],
  summary: 'Check that a domain controller can be reached, trusted and bound to',
  synopsis:
    '(--url ldaps://HOST[:PORT] --bind USER [--ca FILE.pem] [--server-name NAME] [--base DN] [--starttls] | --profile NAME --db FILE) [--confirm-plain-text-password] [--json]',
  help: [
    ...connectionHelp,
    profileHelp,
    '--db FILE                   the store that holds the profile (WARDEN_DB_PASSPHRASE)',
    '--json                      print the report as JSON',
  ],
  options: {
    ...connectionOptions,
    ...profileOption,
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  async run(values, _positionals, io) {
    const { target, password } = await bindFrom(values, io);
    const progress = progressLine(io);
    const report = await testConnection(target, password, {
      signal: AbortSignal.timeout(target.timeoutMs * 20),
      onProgress: ({ phase, accountsCounted }) => progress.update(`${phase}… ${accountsCounted} accounts`),
    }).finally(() => progress.done());

    if (values['json'] === true) {
      writeJson(io.stdout, report);
      return EXIT.ok;
    }
    writeLine(io.stdout, `Connected to ${report.url} as ${report.boundAs}`);
    writeLine(io.stdout, `  certificate verified: ${report.certificateVerified ? 'yes' : 'no (plain LDAP)'}`);
    writeLine(io.stdout, `  naming context:       ${report.defaultNamingContext}`);
    writeLine(io.stdout, `  DC host name:         ${report.dnsHostName ?? 'unknown'}`);
    writeLine(io.stdout, `  domain level:         ${report.domainFunctionality ?? 'unknown'}`);
    writeLine(io.stdout, `  highest USN:          ${report.highestCommittedUSN ?? 'unknown'}`);
    writeLine(io.stdout, `  accounts:             ${report.accountCount}`);
    writeLine(io.stdout, `  took:                 ${Math.round(report.durationMs)} ms`);
    return EXIT.ok;
  },
};
