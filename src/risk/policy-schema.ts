import { z } from 'zod';
import { PATTERN_TYPES } from './vocabulary';

/** A regular expression written as text: checked here, so a typo is reported where it is, not when it is used. */
const RegexText = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    try {
      new RegExp(text, 'iu');
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `not a valid regular expression (${error instanceof Error ? error.message : String(error)})`,
      });
    }
  });

const Days = z.number().int().min(0).max(36_500);
const Level = z.number().int().min(1).max(5);

/** What makes an account one type: any name pattern, description keyword or OU pattern that matches. */
export const TypePatternSchema = z.strictObject({
  type: z.enum(PATTERN_TYPES),
  /** Matched against sAMAccountName, the CN and displayName, without case. */
  names: z.array(RegexText).default([]),
  /** Whole words or phrases looked for in description and info, without case. */
  descriptions: z.array(z.string().min(1)).default([]),
  /** Matched against the account's OU (its DN without the first RDN), without case. */
  ous: z.array(RegexText).default([]),
});

export const SensitiveGroupSchema = z
  .strictObject({
    /** A group's name (sAMAccountName or CN), DN or SID, compared without case. */
    group: z.string().min(1).optional(),
    /** A regular expression over the group's name. */
    namePattern: RegexText.optional(),
    /** What the group's members can reach, as an administrator would put it. */
    label: z.string().min(1),
    level: Level,
  })
  .refine((entry) => (entry.group === undefined) !== (entry.namePattern === undefined), {
    message: 'give either "group" or "namePattern", not both and not neither',
  });

export const RuleSettingSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** For a factor rule the level (1–5) it sets; for a hygiene rule the points it adds. */
  weight: z.number().int().min(0).max(5),
});

export const RiskPolicySchema = z.strictObject({
  version: z.literal(1),
  classification: z.strictObject({
    /** Tried in order: the first type with a matching pattern wins. */
    patterns: z.array(TypePatternSchema),
  }),
  usage: z.strictObject({
    dormantDays: Days.min(1).default(90),
    neverUsedGraceDays: Days.default(30),
    /** How far lastLogonTimestamp may lag behind the real last logon (about 19 days in AD's default). */
    lastLogonLagDays: Days.default(19),
  }),
  risk: z.strictObject({
    thresholds: z
      .strictObject({ high: z.number().int().min(3).max(15), medium: z.number().int().min(3).max(15) })
      .refine((t) => t.medium < t.high, { message: 'the medium threshold must be below the high one' }),
    rules: z.record(z.string(), RuleSettingSchema),
    /** A password older than this is old for the password-age findings. */
    passwordAgeDays: Days.min(1).default(365),
    /** A Kerberoastable account's password older than this can be cracked offline at leisure. */
    kerberoastPasswordAgeDays: Days.min(1).default(365),
    /** Transitive group memberships from which an account's reach counts as broad. */
    broadMembershipGroups: z.number().int().min(1).default(20),
    sensitiveGroups: z.array(SensitiveGroupSchema).default([]),
    /** Account tags (set in Warden) that mean sensitive data, with their level. */
    sensitiveTags: z.record(z.string().min(1), Level).default({}),
  }),
  /** Accounts no bulk or single action may ever disable: names, DNs or SIDs. */
  breakGlass: z.array(z.string().min(1)).default([]),
});

export type RiskPolicy = z.infer<typeof RiskPolicySchema>;
export type TypePattern = z.infer<typeof TypePatternSchema>;
export type SensitiveGroup = z.infer<typeof SensitiveGroupSchema>;
