import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { serializeError, WardenError } from '../errors';
import { EXIT, UsageError, writeLine, type CliIo } from './cli-io';
import type { Command } from './command';
import { commands } from './commands';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

function overview(): string[] {
  return [
    'warden: govern non-human identities in Active Directory',
    '',
    'Usage: warden <command> [flags]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.words.join(' ').padEnd(16)} ${command.summary}`),
    '',
    'Run "warden <command> --help" for its flags.',
    'Secrets are never flags: WARDEN_BIND_PASSWORD, WARDEN_DB_PASSPHRASE (asked without echo when unset on a terminal).',
    '',
    'Exit codes: 0 success, 1 the operation failed, 2 the command line is wrong.',
  ];
}

function commandHelp(command: Command): string[] {
  return [
    `Usage: warden ${command.words.join(' ')} ${command.synopsis}`,
    '',
    command.summary,
    '',
    ...command.help.map((line) => `  ${line}`),
  ];
}

function findCommand(args: string[]): { command: Command; rest: string[] } | undefined {
  const matches = commands.filter((command) => command.words.every((word, i) => args[i] === word));
  const best = matches.sort((a, b) => b.words.length - a.words.length)[0];
  return best ? { command: best, rest: args.slice(best.words.length) } : undefined;
}

export async function main(args: string[], io: CliIo): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    for (const line of overview()) writeLine(io.stdout, line);
    return args.length === 0 ? EXIT.usage : EXIT.ok;
  }
  if (args[0] === '--version' || args[0] === 'version') {
    writeLine(io.stdout, VERSION);
    return EXIT.ok;
  }
  const found = findCommand(args);
  if (!found) {
    writeLine(io.stderr, `warden: unknown command "${args.join(' ')}". Run "warden --help" for the list.`);
    return EXIT.usage;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    for (const line of commandHelp(command)) writeLine(io.stdout, line);
    return EXIT.ok;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    return await command.run(parsed.values, parsed.positionals, io);
  } catch (error) {
    return report(error, command, io);
  }
}

function report(error: unknown, command: Command, io: CliIo): number {
  if (error instanceof UsageError) {
    writeLine(io.stderr, `warden ${command.words.join(' ')}: ${error.message}`);
    writeLine(io.stderr, `Usage: warden ${command.words.join(' ')} ${command.synopsis}`);
    return EXIT.usage;
  }
  const serialized = serializeError(error);
  writeLine(io.stderr, `warden: ${serialized.message} [${serialized.code}]`);
  if (error instanceof WardenError && error.details) {
    for (const [key, value] of Object.entries(error.details)) {
      writeLine(io.stderr, `  ${key}: ${Array.isArray(value) ? value.join('; ') : String(value)}`);
    }
  }
  return EXIT.failure;
}
