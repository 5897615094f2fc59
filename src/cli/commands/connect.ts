import { testConnection } from '../../directory/test-connection';
import { EXIT, writeJson, writeLine } from '../cli-io';
import type { Command } from '../command';
import { connectionHelp, connectionOptions, parseConnectionFlags } from '../connection-flags';
import { progressLine } from '../progress-line';
import { readSecret } from '../secrets';

export const connectCommand: Command = {
  words: ['connect'],
  summary: 'Check that a domain controller can be reached, trusted and bound to',
  synopsis:
    '--url ldaps://HOST[:PORT] --bind USER [--ca FILE.pem] [--server-name NAME] [--base DN] [--starttls] [--json]',
  help: [...connectionHelp, '--json                      print the report as JSON'],
  options: { ...connectionOptions, json: { type: 'boolean', default: false } },
  async run(values, _positionals, io) {
    const target = parseConnectionFlags(values);
    const password = await readSecret(io, 'WARDEN_BIND_PASSWORD', `Password for ${target.bindName}`);
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
