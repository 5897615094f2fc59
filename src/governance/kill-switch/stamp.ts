/** AD's rangeUpper for description and info: a longer value is refused as a whole. */
export const STAMP_MAX_LENGTH = 1024;

export interface StampFacts {
  /** Who acted: the person and the account bound as. */
  actor: string;
  /** ISO time of the action. */
  at: string;
  reason: string;
}

function clip(text: string): string {
  return text.length <= STAMP_MAX_LENGTH ? text : `${text.slice(0, STAMP_MAX_LENGTH - 1)}…`;
}

/** The description a contained account carries: who, when and why, for whoever finds it in ADUC. */
export function stampDescription(facts: StampFacts): string {
  return clip(`Contained by ${facts.actor} on ${facts.at}: ${facts.reason.replace(/\s+/g, ' ').trim()}`);
}

/**
 * The info (Notes) of a contained account: the same stamp above whatever notes
 * it had, so they stay readable; the exact prior value is in the audit log.
 */
export function stampInfo(facts: StampFacts, priorInfo: string | null): string {
  const stamp = stampDescription(facts);
  return clip(priorInfo === null || priorInfo === '' ? stamp : `${stamp}\r\n${priorInfo}`);
}
