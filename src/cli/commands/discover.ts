import { discoverDomainControllers } from '../../directory';
import { EXIT, UsageError, writeJson, writeLine } from '../cli-io';
import { stringOption, type Command } from '../command';

export const discoverCommand: Command = {
  words: ['discover'],
  summary: 'List the domain controllers a domain advertises in DNS',
  synopsis: '--domain NAME [--dns-server IP[:PORT]]... [--json]',
  help: [
    '--domain NAME               the AD domain, e.g. corp.example.com',
    '--dns-server IP[:PORT]      ask this DNS server (repeatable); default: the system resolvers',
    '--json                      print the list as JSON',
  ],
  options: {
    domain: { type: 'string' },
    'dns-server': { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
  },
  async run(values, _positionals, io) {
    const domain = stringOption(values, 'domain');
    if (!domain) throw new UsageError('--domain is required, e.g. --domain corp.example.com');
    const servers = values['dns-server'];
    const found = await discoverDomainControllers(
      domain,
      Array.isArray(servers) ? { servers: servers.map(String) } : {},
    );
    if (values['json'] === true) {
      writeJson(io.stdout, found);
      return EXIT.ok;
    }
    writeLine(io.stdout, `Domain controllers of ${domain}, in the order to try them:`);
    for (const dc of found) {
      writeLine(io.stdout, `  ${dc.host}  (priority ${dc.priority}, weight ${dc.weight}) → ldaps://${dc.host}`);
    }
    return EXIT.ok;
  },
};
