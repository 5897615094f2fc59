import { serializeError } from '../../errors';
import type { AccountState } from './record-schemas';
import type { KillSwitchSession } from './session';

/** An account's state as AD holds it now, or why it could not be had, in words for the account's result. */
export type CurrentState = { state: AccountState } | { failure: string };

/** Reads the account before acting on it; `missing` says what it means that the object is gone. */
export async function readCurrentState(
  session: KillSwitchSession,
  objectGuid: string,
  missing: string,
): Promise<CurrentState> {
  try {
    const state = await session.states.read(objectGuid);
    return state === undefined ? { failure: missing } : { state };
  } catch (error) {
    return { failure: `Could not read the account: ${serializeError(error).message}` };
  }
}
