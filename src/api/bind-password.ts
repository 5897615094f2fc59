import { WardenError } from '../errors';
import type { Store } from '../store';
import type { ConnectionProfile, ConnectionTarget } from './schemas';

type BindIdentity = Pick<ConnectionTarget, 'host' | 'bindName'>;

export async function existingProfile(store: Store, profileId: string): Promise<ConnectionProfile> {
  const profile = await store.profiles.get(profileId);
  if (profile !== undefined) return profile;
  throw new WardenError('PROFILE_NOT_FOUND', 'That connection profile no longer exists.', { profileId });
}

/**
 * The password for one bind as a profile: the one the request carries, else the
 * one saved in the profile. The store hands a saved password out only for the
 * host and account it was saved for, so a target edited since never receives it.
 */
export async function profileBindPassword(
  store: Store,
  profile: ConnectionProfile,
  target: BindIdentity,
  given: string | undefined,
): Promise<string> {
  if (given !== undefined) return given;
  const saved = await store.profiles.savedPassword(profile.id, target);
  if (saved !== undefined) return saved;
  const details = { profileId: profile.id, profile: profile.name, host: target.host, bindName: target.bindName };
  if (profile.hasSavedPassword) {
    throw new WardenError(
      'BIND_PASSWORD_MISSING',
      `The password saved in profile "${profile.name}" is only sent to ${profile.bindName} on ${profile.host}: enter the bind password for ${target.bindName} on ${target.host}.`,
      details,
    );
  }
  throw new WardenError(
    'BIND_PASSWORD_MISSING',
    `Enter the bind password for profile "${profile.name}", or save it in the profile.`,
    details,
  );
}

/** A test of a connection that may not be saved yet: its password, or the one of the profile it edits. */
export async function requestBindPassword(
  store: () => Store,
  request: { target: BindIdentity; password?: string | undefined; profileId?: string | undefined },
): Promise<string> {
  if (request.password !== undefined) return request.password;
  if (request.profileId === undefined) {
    throw new WardenError('BIND_PASSWORD_MISSING', `Enter the bind password for ${request.target.bindName}.`, {
      host: request.target.host,
      bindName: request.target.bindName,
    });
  }
  const profile = await existingProfile(store(), request.profileId);
  return profileBindPassword(store(), profile, request.target, undefined);
}
