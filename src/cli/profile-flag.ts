import type { ConnectionProfile } from '../api/schemas';
import { WardenError } from '../errors';
import type { Store } from '../store';
import { UsageError } from './cli-io';
import { stringOption, type OptionSpec, type OptionValues } from './command';

export const profileOption: OptionSpec = { profile: { type: 'string' } };

export const profileHelp =
  '--profile NAME              connect as a profile saved in the store (--db) says, instead of the flags above';

/** Flags that say how to connect; a profile already says it, and two answers would be ambiguous. */
const CONNECTION_FLAGS = ['url', 'bind', 'ca', 'server-name', 'base', 'starttls', 'allow-plain-ldap'];

/** The --profile name, after checking it is not mixed with connection flags. */
export function profileName(values: OptionValues): string | undefined {
  const name = stringOption(values, 'profile');
  if (name === undefined) return undefined;
  const mixed = CONNECTION_FLAGS.filter((flag) => values[flag] !== undefined && values[flag] !== false);
  if (mixed.length > 0) {
    throw new UsageError(`--profile already says how to connect; drop ${mixed.map((flag) => `--${flag}`).join(', ')}`);
  }
  return name;
}

export async function savedProfile(store: Store, name: string): Promise<ConnectionProfile> {
  const profiles = await store.profiles.list();
  const found = profiles.find((profile) => profile.name.toLowerCase() === name.toLowerCase());
  if (found) return found;
  throw new WardenError('PROFILE_NOT_FOUND', `No connection profile is named "${name}" in ${store.path}.`, {
    profile: name,
    saved: profiles.map((profile) => profile.name),
  });
}
