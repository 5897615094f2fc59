import { describe, expect, it } from 'vitest';
import { accountBlockKeys, personBlockKeys } from '../../../src/hr/name-blocking';
import { foldName, jaroWinkler, nameSimilarity, parseName } from '../../../src/hr/name-similarity';

describe('foldName', () => {
  it('folds accents, case, apostrophes and bracketed qualifiers', () => {
    expect(foldName('  José  NÚÑEZ ')).toBe('jose nunez');
    expect(foldName("Sean O'Brien")).toBe('sean obrien');
    expect(foldName('Dana Whitfield (admin)')).toBe('dana whitfield');
    expect(foldName('Jürgen Groß-Łukasz')).toBe('jurgen gross lukasz');
    expect(foldName("O'Brien,Sean")).toBe('obrien, sean');
  });
});

describe('parseName', () => {
  it('prefers given and family names, and reads "Last, First" from a full name', () => {
    expect(parseName('José', 'Núñez', 'whatever')?.forward).toBe('jose nunez');
    expect(parseName(null, null, 'Núñez, José')).toMatchObject({ given: 'jose', family: 'nunez' });
    expect(parseName(null, null, 'Mary Ann Smith')).toMatchObject({ given: 'mary', family: 'ann smith' });
  });

  it('gives nothing for a single word', () => {
    expect(parseName(null, null, 'Atlas')).toBeUndefined();
    expect(parseName('Build', null, null)).toBeUndefined();
  });
});

describe('jaroWinkler', () => {
  it('gives the published values', () => {
    // Winkler's examples, as quoted with the algorithm.
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });
});

describe('nameSimilarity', () => {
  const of = (full: string) => parseName(null, null, full) ?? expect.unreachable();

  it('treats "Last, First" and "Last First" as the same name', () => {
    expect(nameSimilarity(of('Nunez Jose'), of('José Núñez'))).toBe(1);
    expect(nameSimilarity(of("O'Brien, Sean"), of('Sean OBrien'))).toBe(1);
  });

  it('scores a typo high and another person low', () => {
    expect(nameSimilarity(of('Jon Smith'), of('John Smith'))).toBeGreaterThan(0.95);
    expect(nameSimilarity(of('Anna Schmidt'), of('Peter Meyer'))).toBeLessThan(0.7);
  });
});

describe('name blocks', () => {
  const parsed = (full: string) => parseName(null, null, full) ?? expect.unreachable();

  it('files a person where an account with the name in either order, or a typo in one part, looks', () => {
    const person = parseName('José', 'Núñez', null) ?? expect.unreachable();
    const keys = personBlockKeys(person);
    expect(keys).toEqual(['nune|jo', 'jose|nu']);
    const shares = (full: string) => accountBlockKeys(parsed(full)).some((key) => keys.includes(key));
    expect(shares('Nunez Jose')).toBe(true);
    expect(shares('Jose Maria Nunez')).toBe(true);
    expect(shares('Nunez, Joes')).toBe(true);
    expect(shares('Jose Nuenz')).toBe(true);
    expect(shares('Jsoe Nnuez')).toBe(false);
  });

  it('does not take words with digits for names', () => {
    expect(accountBlockKeys(parsed('Application service 12'))).toEqual(['appl|se', 'serv|ap']);
  });
});
