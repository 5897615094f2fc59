import type { HrPerson } from './match-input';
import { accountBlockKeys, personBlockKeys } from './name-blocking';
import { nameSimilarity, parseName, type ParsedName } from './name-similarity';
import { similarityBound } from './similarity-bound';

/**
 * Scores within this distance of the best are as good as the best: two people
 * that close leave the choice to a person. Further below, the best clearly
 * wins ("John Smith" over "Joan Smith" for an account named John Smith).
 */
const AMBIGUITY_MARGIN = 0.02;

/** The bound and the score are computed differently: a pair on the threshold is not skipped for a rounding error. */
const ROUNDING = 1e-9;

export interface NameMatch {
  person: HrPerson;
  score: number;
}

/**
 * For each account name, the people whose name resembles it at `threshold`
 * or above, best first, keeping only those about as good as the best;
 * `excluded` says which people an account (by its position) must not be
 * matched with. People without two name words cannot be compared and are
 * left out.
 *
 * The accounts, not the people, are filed by blocking keys (see
 * name-blocking.ts), and the HR list is read once against them: a person no
 * account shares a key with is dropped as soon as their keys are known,
 * instead of being kept in an index of the whole list for the collector to
 * copy.
 */
export function findNameMatches(
  names: readonly (ParsedName | undefined)[],
  people: readonly HrPerson[],
  threshold: number,
  excluded: (account: number, person: HrPerson) => boolean,
): (NameMatch[] | undefined)[] {
  const found: (NameMatch[] | undefined)[] = new Array<NameMatch[] | undefined>(names.length);
  const blocks = new Map<string, number[]>();
  names.forEach((name, account) => {
    if (name === undefined) return;
    for (const key of accountBlockKeys(name)) {
      const block = blocks.get(key);
      if (block === undefined) blocks.set(key, [account]);
      else block.push(account);
    }
  });
  if (blocks.size === 0) return found;

  // The person each account was last compared with (its position + 1), so that an account filed under both of a
  // person's keys is compared with them once.
  const comparedWith = new Int32Array(names.length);
  people.forEach((person, position) => {
    const name = parseName(person.firstName, person.lastName, person.displayName);
    if (name === undefined) return;
    for (const key of personBlockKeys(name)) {
      const block = blocks.get(key);
      if (block === undefined) continue;
      for (const account of block) {
        if (comparedWith[account] === position + 1) continue;
        comparedWith[account] = position + 1;
        const accountName = names[account] as ParsedName;
        if (similarityBound(accountName, name) + ROUNDING < threshold) continue;
        const score = nameSimilarity(accountName, name);
        if (score >= threshold && !excluded(account, person)) (found[account] ??= []).push({ person, score });
      }
    }
  });
  found.forEach((matches, account) => {
    if (matches !== undefined) found[account] = bestOf(matches);
  });
  return found;
}

function bestOf(found: NameMatch[]): NameMatch[] {
  if (found.length <= 1) return found;
  found.sort((a, b) => b.score - a.score || a.person.rowNumber - b.person.rowNumber);
  const best = found[0]?.score ?? 0;
  return found.filter((match) => match.score >= best - AMBIGUITY_MARGIN);
}
