import type { RiskPolicy, TypePattern } from './policy-schema';
import type { PatternType } from './vocabulary';

export interface CompiledTypePattern {
  type: PatternType;
  /** All name patterns in one: most accounts match none, and one test says so. */
  anyName: RegExp | undefined;
  /** All description keywords in one, for the same reason. */
  anyDescription: RegExp | undefined;
  names: { source: string; regex: RegExp }[];
  descriptions: { keyword: string; regex: RegExp }[];
  ous: { source: string; regex: RegExp }[];
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A keyword as a whole word or phrase: not inside a longer word, whatever the case or the spacing. */
export function keywordRegex(keyword: string): RegExp {
  const body = keyword.trim().split(/\s+/).map(escapeRegex).join('[\\s_-]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}

function alternation(regexes: readonly RegExp[]): RegExp | undefined {
  return regexes.length === 0 ? undefined : new RegExp(regexes.map((regex) => `(?:${regex.source})`).join('|'), 'iu');
}

function compilePattern(pattern: TypePattern): CompiledTypePattern {
  const names = pattern.names.map((source) => new RegExp(source, 'iu'));
  const descriptions = pattern.descriptions.map(keywordRegex);
  return {
    type: pattern.type,
    anyName: alternation(names),
    anyDescription: alternation(descriptions),
    names: pattern.names.map((source, index) => ({ source, regex: names[index] as RegExp })),
    descriptions: pattern.descriptions.map((keyword, index) => ({ keyword, regex: descriptions[index] as RegExp })),
    ous: pattern.ous.map((source) => ({ source, regex: new RegExp(source, 'iu') })),
  };
}

/** The policy with its patterns compiled once, not once per account. */
export interface CompiledPolicy {
  policy: RiskPolicy;
  patterns: CompiledTypePattern[];
}

export function compilePolicy(policy: RiskPolicy): CompiledPolicy {
  return { policy, patterns: policy.classification.patterns.map(compilePattern) };
}
