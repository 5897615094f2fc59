import type { KillSwitchEntry } from './audit-record';
import { CONTAIN_ACTION, type AccountState } from './record-schemas';

/**
 * An account's containment not yet undone: from the first containment that
 * changed it after its last successful undo, up to now. Containing an
 * account twice (adding a step the second time) makes one open containment,
 * and the undo brings back the state before the first.
 */
export interface OpenContainment {
  objectGuid: string;
  /** The state to restore: before the first containment of the run. */
  original: AccountState;
  /** The state the kill switch last left it in; null if it could not be read back then. */
  expected: AccountState | null;
  /** The containment entries, oldest first. */
  containments: number[];
  firstReason: string | null;
  passwordReset: boolean;
}

export interface ContainmentHistory {
  open: Map<string, OpenContainment>;
  /** The successful undo that closed each account's last containment. */
  restoredBy: Map<string, number>;
  /** Every account the kill switch ever read, to find it by name, DN or SID: the latest state known first. */
  known: AccountState[];
}

const changedSomething = (entry: KillSwitchEntry): boolean =>
  entry.after.steps.some((step) => step.status === 'applied');

/** Reads the kill switch's entries (in log order) into each account's open containment. */
export function containmentHistory(entries: Iterable<KillSwitchEntry>): ContainmentHistory {
  const open = new Map<string, OpenContainment>();
  const restoredBy = new Map<string, number>();
  const known = new Map<string, AccountState>();
  for (const entry of entries) {
    const guid = entry.after.objectGuid;
    const current = open.get(guid);
    const state = entry.after.state ?? entry.before;
    if (state !== null) {
      // Re-inserted so that the map's order is the order of last sight.
      known.delete(guid);
      known.set(guid, state);
    }
    if (entry.action === CONTAIN_ACTION) {
      if (!changedSomething(entry) || entry.before === null) continue;
      const passwordReset = entry.after.steps.some((s) => s.step === 'reset-password' && s.status === 'applied');
      if (current === undefined) {
        open.set(guid, {
          objectGuid: guid,
          original: entry.before,
          expected: entry.after.state,
          containments: [entry.seq],
          firstReason: entry.reason,
          passwordReset,
        });
        restoredBy.delete(guid);
      } else {
        current.expected = entry.after.state;
        current.containments.push(entry.seq);
        current.passwordReset ||= passwordReset;
      }
    } else if (current !== undefined) {
      // An undo that went all the way closes the containment; one that stopped halfway moved what it moved.
      if (entry.result === 'done') {
        open.delete(guid);
        restoredBy.set(guid, entry.seq);
      } else if (changedSomething(entry)) {
        current.expected = entry.after.state;
      }
    }
  }
  return { open, restoredBy, known: [...known.values()].reverse() };
}
