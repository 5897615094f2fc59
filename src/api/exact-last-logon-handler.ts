import { exactLastLogon } from '../risk/exact-last-logon';
import type { Store } from '../store';
import { existingProfile, profileBindPassword } from './bind-password';
import type { OperationOutput, ParsedInput, ProgressOf } from './contract';
import { profileTarget } from './profile-target';
import type { HandlerContext } from './router';

/**
 * queryExactLastLogon: every DC of the profile's domain asked for the exact
 * lastLogon of accounts of a snapshot, and their usage verdict redone with it.
 *
 * The profile, its password and the plain-LDAP confirmation are settled
 * before any DC is asked, as for a scan. A DC that cannot be reached or
 * refuses the bind does not fail the request: the report says so for that DC,
 * so the user sees which values are missing and why.
 */
export async function queryExactLastLogon(
  store: Store,
  resourcesDir: string,
  input: ParsedInput<'queryExactLastLogon'>,
  { signal, reportProgress }: HandlerContext<ProgressOf<'queryExactLastLogon'>>,
): Promise<OperationOutput<'queryExactLastLogon'>> {
  const profile = await existingProfile(store, input.profileId);
  const target = { ...profileTarget(profile), confirmPlainTextBind: input.confirmPlainTextBind };
  const password = await profileBindPassword(store, profile, target, input.password);
  return exactLastLogon({
    store,
    profile,
    target,
    password,
    accounts: input.objectGuids,
    resourcesDir,
    ...(input.snapshotId === undefined ? {} : { snapshotId: input.snapshotId }),
    signal,
    onProgress: reportProgress,
  });
}
