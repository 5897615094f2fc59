import { containAccounts, listAuditLog, planContainment, restoreAccounts, verifyAuditLog } from '../governance';
import type { Store } from '../store';
import { localActor } from '../store/local-actor';
import { existingProfile } from './bind-password';
import type { ParsedInput } from './contract';
import { profileTarget } from './profile-target';
import type { Handlers } from './router';

type KillSwitchOperation =
  'planContainment' | 'containAccounts' | 'restoreAccounts' | 'listAuditLog' | 'verifyAuditLog';

/** The profile's DC with this call's plain-LDAP confirmation; the password always comes with the call. */
async function freshBind(store: Store, input: ParsedInput<'planContainment' | 'restoreAccounts'>) {
  const profile = await existingProfile(store, input.profileId);
  return {
    store,
    target: { ...profileTarget(profile), confirmPlainTextBind: input.confirmPlainTextBind },
    password: input.password,
    actor: localActor(),
  };
}

function selection(input: ParsedInput<'planContainment'>) {
  return {
    ...(input.objectGuids === undefined ? {} : { objectGuids: input.objectGuids }),
    ...(input.filter === undefined ? {} : { filter: input.filter }),
  };
}

/** The kill switch and the audit log, as the contract's operations; the CLI calls the same services. */
export function killSwitchHandlers(deps: {
  activeStore: () => Store;
  resourcesDir: string;
}): Pick<Handlers, KillSwitchOperation> {
  return {
    planContainment: async (input, { signal }) =>
      planContainment({
        ...(await freshBind(deps.activeStore(), input)),
        resourcesDir: deps.resourcesDir,
        reason: input.reason,
        steps: input.steps,
        selection: selection(input),
        signal,
      }),
    containAccounts: async (input, { signal, reportProgress }) =>
      containAccounts({
        ...(await freshBind(deps.activeStore(), input)),
        resourcesDir: deps.resourcesDir,
        reason: input.reason,
        steps: input.steps,
        selection: selection(input),
        ...(input.confirmCount === undefined ? {} : { confirmCount: input.confirmCount }),
        signal,
        onProgress: reportProgress,
      }),
    restoreAccounts: async (input, { signal, reportProgress }) =>
      restoreAccounts({
        ...(await freshBind(deps.activeStore(), input)),
        references: input.objectGuids,
        force: input.force,
        ...(input.reason === undefined ? {} : { reason: input.reason }),
        signal,
        onProgress: reportProgress,
      }),
    listAuditLog: ({ action, target, since, afterSeq, limit }) =>
      listAuditLog(deps.activeStore(), {
        ...(action === undefined ? {} : { action }),
        ...(target === undefined ? {} : { target }),
        ...(since === undefined ? {} : { since }),
        afterSeq,
        limit,
      }),
    verifyAuditLog: () => verifyAuditLog(deps.activeStore()),
  };
}
