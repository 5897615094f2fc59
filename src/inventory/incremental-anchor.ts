import type { Snapshot } from '../store';

/** What the DC says about itself now, to compare with the snapshot an incremental scan would start from. */
export interface CurrentDirectoryState {
  dcHost: string;
  invocationId: string | undefined;
  baseDn: string;
  bindName: string;
  /** The rootDSE's highestCommittedUSN, as text. */
  highestCommittedUsn: string | undefined;
}

export type AnchorDecision =
  | { incremental: true; base: Snapshot; changedAfterUsn: number; changedUpToUsn: number }
  | { incremental: false; reason: string };

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Whether the changes since `previous` can be read instead of everything:
 * only when it was read from this very DC database (same invocationId, since
 * USNs are counted per DC and restart with a restore), for the same subtree,
 * by the same account (another account may see other objects). Otherwise the
 * reason, in words, for the full scan that happens instead.
 */
export function incrementalAnchor(previous: Snapshot | undefined, now: CurrentDirectoryState): AnchorDecision {
  const full = (reason: string): AnchorDecision => ({ incremental: false, reason });
  if (previous === undefined) return full('there is no complete snapshot of this domain yet to start from');
  if (previous.sourceKind !== 'ldap') {
    return full(`the last snapshot was read from an ${previous.sourceKind.toUpperCase()} file, not from a DC`);
  }
  if (previous.baseDn === null || !same(previous.baseDn, now.baseDn)) {
    return full(`the last snapshot covers ${previous.baseDn ?? 'an unknown base'}, not ${now.baseDn}`);
  }
  if (previous.bindName === null || !same(previous.bindName, now.bindName)) {
    return full(
      `the last snapshot was read as ${previous.bindName ?? 'an unrecorded account'}, and ${now.bindName} may see other objects`,
    );
  }
  if (now.invocationId === undefined) {
    return full(`${now.dcHost} did not give its invocationId, without which its USNs cannot be trusted`);
  }
  if (previous.invocationId === null || !same(previous.invocationId, now.invocationId)) {
    return full(
      `the last snapshot was read from ${previous.dcHost ?? 'another DC'} (invocationId ${previous.invocationId ?? 'unknown'}); ` +
        `${now.dcHost} (invocationId ${now.invocationId}) is another DC or a restored one, and USNs are counted per DC`,
    );
  }
  const usnNow = now.highestCommittedUsn === undefined ? Number.NaN : Number(now.highestCommittedUsn);
  if (previous.highestCommittedUsn === null || !Number.isSafeInteger(usnNow)) {
    return full(`the highest committed USN of ${now.dcHost} is unknown`);
  }
  if (usnNow < previous.highestCommittedUsn) {
    return full(
      `the highest committed USN of ${now.dcHost} went back from ${previous.highestCommittedUsn} to ${usnNow}`,
    );
  }
  return { incremental: true, base: previous, changedAfterUsn: previous.highestCommittedUsn, changedUpToUsn: usnNow };
}
