import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeIssues } from '../store/repositories/validation';
import { canonicalJson } from '../store/canonical-json';
import type { Store } from '../store';
import { RiskPolicySchema, type RiskPolicy } from './policy-schema';
import { RiskError } from './risk-errors';
import { RULE_IDS } from './rules';

/** The bundled defaults, inside the app's resources folder. */
export const DEFAULT_POLICY_FILE = join('policy', 'default-policy.json');

export interface PolicyInForce {
  policy: RiskPolicy;
  /** `saved`: edited in Settings; `default`: the bundled file; `file`: given for one run (--policy). */
  source: 'saved' | 'default' | 'file';
  /** SHA-256 of the policy's canonical JSON: which policy a score came from. */
  hash: string;
  savedAt: string | null;
  savedBy: string | null;
}

/** Rule ids the policy names that no rule has, read from the raw value so they are reported with any other problem. */
function unknownRuleIds(value: unknown): string[] {
  const risk = typeof value === 'object' && value !== null ? (value as { risk?: unknown }).risk : undefined;
  const rules = typeof risk === 'object' && risk !== null ? (risk as { rules?: unknown }).rules : undefined;
  if (typeof rules !== 'object' || rules === null) return [];
  return Object.keys(rules).filter((id) => !RULE_IDS.includes(id));
}

/** Validates a policy; every problem is named by its place in the JSON, e.g. risk.thresholds.high. */
export function parsePolicy(value: unknown, source: string): RiskPolicy {
  const parsed = RiskPolicySchema.safeParse(value);
  const issues = parsed.success ? [] : describeIssues(parsed.error);
  for (const id of unknownRuleIds(value)) {
    issues.push(`risk.rules.${id}: there is no rule "${id}" (rules: ${RULE_IDS.join(', ')})`);
  }
  if (parsed.success && issues.length === 0) return parsed.data;
  throw new RiskError('INVALID_POLICY', `The policy ${source} is not valid: ${issues.join('; ')}`, { source, issues });
}

export function policyHash(policy: RiskPolicy): string {
  return createHash('sha256').update(canonicalJson(policy)).digest('hex');
}

/** Reads and validates a policy file; a file that is not JSON is named with the parser's reason. */
export async function readPolicyFile(path: string): Promise<RiskPolicy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RiskError('POLICY_UNREADABLE', `The policy file ${path} cannot be read: ${reason}`, { path });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RiskError('INVALID_POLICY', `The policy file ${path} is not JSON: ${reason}`, { source: path });
  }
  return parsePolicy(value, `file ${path}`);
}

export function defaultPolicy(resourcesDir: string): Promise<RiskPolicy> {
  return readPolicyFile(join(resourcesDir, DEFAULT_POLICY_FILE));
}

function inForce(policy: RiskPolicy, source: PolicyInForce['source'], saved?: { savedAt: string; savedBy: string }) {
  return {
    policy,
    source,
    hash: policyHash(policy),
    savedAt: saved?.savedAt ?? null,
    savedBy: saved?.savedBy ?? null,
  };
}

/** The policy saved in the store, else the bundled defaults. */
export async function currentPolicy(store: Store, resourcesDir: string): Promise<PolicyInForce> {
  const saved = await store.policy.saved();
  if (saved === undefined) return inForce(await defaultPolicy(resourcesDir), 'default');
  return inForce(parsePolicy(saved.policy, 'saved in Settings'), 'saved', saved);
}

/** A policy given for one run, not saved. */
export function givenPolicy(policy: RiskPolicy): PolicyInForce {
  return inForce(policy, 'file');
}

/** Validates and saves a policy over the defaults; the next assessment scores with it, no rescan needed. */
export async function savePolicy(store: Store, value: unknown, actor: string): Promise<PolicyInForce> {
  const policy = parsePolicy(value, 'given');
  const saved = await store.policy.save(policy, actor);
  return inForce(policy, 'saved', saved);
}

export async function resetPolicy(store: Store, resourcesDir: string, actor: string): Promise<PolicyInForce> {
  await store.policy.clear(actor);
  return inForce(await defaultPolicy(resourcesDir), 'default');
}
