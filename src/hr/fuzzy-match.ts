import type { HrPerson } from './match-input';
import { NameBlocks } from './name-blocking';
import { nameSimilarity, parseName, type ParsedName } from './name-similarity';

/**
 * Scores within this distance of the best are as good as the best: two people
 * that close leave the choice to a person. Further below, the best clearly
 * wins ("John Smith" over "Joan Smith" for an account named John Smith).
 */
const AMBIGUITY_MARGIN = 0.02;

export interface NameMatch {
  person: HrPerson;
  score: number;
}

interface NamedPerson {
  person: HrPerson;
  name: ParsedName;
}

/** The HR list filed for name comparison. People without two name words cannot be compared and are left out. */
export class FuzzyNameIndex {
  private readonly blocks = new NameBlocks<NamedPerson>();

  constructor(people: readonly HrPerson[]) {
    for (const person of people) {
      const name = parseName(person.firstName, person.lastName, person.displayName);
      if (name !== undefined) this.blocks.add(name, { person, name });
    }
  }

  /**
   * The people whose name resembles `name` at `threshold` or above, best
   * first, keeping only those about as good as the best; `excluded` says
   * which people this account must not be matched with.
   */
  find(name: ParsedName, threshold: number, excluded: (person: HrPerson) => boolean): NameMatch[] {
    const found: NameMatch[] = [];
    for (const candidate of this.blocks.candidates(name)) {
      const score = nameSimilarity(name, candidate.name);
      if (score >= threshold && !excluded(candidate.person)) found.push({ person: candidate.person, score });
    }
    if (found.length <= 1) return found;
    found.sort((a, b) => b.score - a.score || a.person.rowNumber - b.person.rowNumber);
    const best = found[0]?.score ?? 0;
    return found.filter((match) => match.score >= best - AMBIGUITY_MARGIN);
  }
}
