import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './cli-io';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** One subcommand of `warden`; each lives in its own file under commands/. */
export interface Command {
  /** Words that select it, e.g. ['store', 'init']. */
  words: string[];
  summary: string;
  /** The synopsis after `warden <words>`. */
  synopsis: string;
  /** Lines explaining the flags and the environment variables it reads. */
  help: string[];
  options: OptionSpec;
  run(values: OptionValues, positionals: string[], io: CliIo): Promise<number>;
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
