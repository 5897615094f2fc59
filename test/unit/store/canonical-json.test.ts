import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/store/canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('treats undefined as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
  });

  it('uses toJSON, so dates become their ISO text', () => {
    expect(canonicalJson({ at: new Date(0) })).toBe('{"at":"1970-01-01T00:00:00.000Z"}');
  });

  it('refuses what JSON cannot hold faithfully', () => {
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(/JSON cannot hold/);
    expect(() => canonicalJson({ n: 10n })).toThrow(/bigint/);
    expect(() => canonicalJson(undefined)).toThrow();
  });
});
