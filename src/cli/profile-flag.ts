import { profileTarget } from '../api/profile-target';
import type { ConnectionProfile, ConnectionTarget } from '../api/schemas';
import { WardenError } from '../errors';
import type { Store } from '../store';
import { UsageError, type CliIo } from './cli-io';
import { stringOption, type OptionSpec, type OptionValues } from './command';
import { withPlainTextConfirmation } from './connection-flags';
import { readSecret, secretFromEnv } from './secrets';

export const profileOption: OptionSpec = { profile: { type: 'string' } };

export const profileHelp =
  '--profile NAME              connect as a profile saved in the store (--db) says, instead of the flags above;\n' +
  '                              its saved password is used when WARDEN_BIND_PASSWORD is unset';

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

/**
 * How to bind as a saved profile: its target (with this run's plain-LDAP
 * confirmation) and the password from WARDEN_BIND_PASSWORD, else the one saved
 * in the profile for its own host and account, else asked at the terminal.
 */
export async function profileConnection(
  store: Store,
  name: string,
  values: OptionValues,
  io: CliIo,
): Promise<{ profile: ConnectionProfile; target: ConnectionTarget; password: string }> {
  const profile = await savedProfile(store, name);
  const target = withPlainTextConfirmation(profileTarget(profile), values);
  const password =
    secretFromEnv(io, 'WARDEN_BIND_PASSWORD') ??
    (await store.profiles.savedPassword(profile.id, target)) ??
    (await readSecret(io, 'WARDEN_BIND_PASSWORD', `Password for ${profile.bindName}`));
  return { profile, target, password };
}
