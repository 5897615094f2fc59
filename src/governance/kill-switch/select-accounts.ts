import { assess, completeSnapshot, parseAccountFilter, resolveAccountReferences } from '../../risk';
import type { Store } from '../../store';
import { KillSwitchError } from './errors';

/** Which accounts of the latest snapshot an action is about; the parts add up. */
export interface AccountSelection {
  /** sAMAccountNames, DNs or objectGUIDs, as typed on a command line. */
  references?: readonly string[];
  objectGuids?: readonly string[];
  /** An expression of the accounts filter language (`warden accounts --filter`): a saved view on the command line. */
  filter?: string;
}

export interface SelectedAccount {
  objectGuid: string;
  samAccountName: string;
  dn: string;
}

export interface Selection {
  snapshotId: string;
  accounts: SelectedAccount[];
}

/**
 * The accounts of the latest complete snapshot the selection names, each
 * once, in the order named (then the filter's matches). A reference that
 * names nothing stops the action: acting on the rest would hide a typo.
 */
export async function selectAccounts(
  store: Store,
  selection: AccountSelection,
  resourcesDir: string,
): Promise<Selection> {
  // Parsed first: a mistake in the expression is reported before any reading.
  const predicate = selection.filter === undefined ? undefined : parseAccountFilter(selection.filter);
  const snapshot = await completeSnapshot(store, undefined);
  const chosen = new Map<string, SelectedAccount>();
  const add = (account: SelectedAccount): void => {
    if (!chosen.has(account.objectGuid)) {
      chosen.set(account.objectGuid, {
        objectGuid: account.objectGuid,
        samAccountName: account.samAccountName,
        dn: account.dn,
      });
    }
  };

  const references = [...(selection.references ?? []), ...(selection.objectGuids ?? [])];
  if (references.length > 0) {
    const { found, missing } = resolveAccountReferences(await store.assessment.accounts(snapshot.id), references);
    if (missing.length > 0) {
      throw new KillSwitchError(
        'ACCOUNT_NOT_FOUND',
        `${missing.length === 1 ? 'This names' : 'These name'} no account of the latest snapshot (${snapshot.id}): ${missing.join(', ')}. Nothing was changed.`,
        { snapshotId: snapshot.id, missing },
      );
    }
    for (const { account } of found) add(account);
  }
  if (predicate !== undefined) {
    const assessment = await assess(store, { resourcesDir, snapshotId: snapshot.id });
    for (const account of assessment.accounts.filter(predicate)) add(account);
  }
  if (chosen.size === 0) {
    throw new KillSwitchError(
      'NO_ACCOUNTS',
      selection.filter !== undefined && references.length === 0
        ? `No account of the latest snapshot matches ${selection.filter}.`
        : 'Name at least one account.',
      { snapshotId: snapshot.id },
    );
  }
  return { snapshotId: snapshot.id, accounts: [...chosen.values()] };
}
