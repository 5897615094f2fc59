import { describe, expect, it } from 'vitest';
import { nameSimilarity, parseName, type ParsedName } from '../../../src/hr/name-similarity';
import { similarityBound } from '../../../src/hr/similarity-bound';

const GIVEN = ['Ann', 'Anna', 'Jose', 'José', 'Jon', 'John', 'Joan', 'Maria', 'Mary Ann', 'Sean', 'Zoë', 'Li'];
const FAMILY = ['Smith', 'Smyth', 'Nunez', 'Núñez', "O'Brien", 'OBrien', 'Meyer', 'Maier', 'Lee', 'Van der Berg'];

/** Names as accounts and HR lists write them: parts, "Last, First", "First Last" and "Last First". */
function names(): ParsedName[] {
  const all: ParsedName[] = [];
  for (const given of GIVEN) {
    for (const family of FAMILY) {
      for (const name of [
        parseName(given, family, null),
        parseName(null, null, `${family}, ${given}`),
        parseName(null, null, `${given} ${family}`),
        parseName(null, null, `${family} ${given}`),
      ]) {
        if (name !== undefined) all.push(name);
      }
    }
  }
  return all;
}

describe('the bound on name similarity', () => {
  it('is never below the similarity itself, whichever order the names are written in', () => {
    const all = names();
    let below = 0;
    for (const account of all) {
      for (const person of all) {
        if (similarityBound(account, person) + 1e-9 < nameSimilarity(account, person)) below += 1;
      }
    }
    expect(all.length).toBeGreaterThan(400);
    expect(below).toBe(0);
  });

  it('is 1 for the same name and low for names without common letters', () => {
    const ann = parseName('Ann', 'Lee', null) ?? expect.unreachable();
    const bob = parseName('Bob', 'Ruiz', null) ?? expect.unreachable();
    expect(similarityBound(ann, ann)).toBe(1);
    expect(similarityBound(ann, parseName(null, null, 'Lee Ann') ?? expect.unreachable())).toBe(1);
    expect(similarityBound(ann, bob)).toBeLessThan(0.6);
  });
});
