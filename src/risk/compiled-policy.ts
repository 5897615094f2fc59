import type { RiskPolicy, TypePattern } from './policy-schema';
import type { PatternType } from './vocabulary';

export interface CompiledTypePattern {
  type: PatternType;
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

function compilePattern(pattern: TypePattern): CompiledTypePattern {
  return {
    type: pattern.type,
    names: pattern.names.map((source) => ({ source, regex: new RegExp(source, 'iu') })),
    descriptions: pattern.descriptions.map((keyword) => ({ keyword, regex: keywordRegex(keyword) })),
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
