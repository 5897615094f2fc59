import { daysBeforeWithTime } from './filetime';
import type { Account, HrRow } from './model';
import type { Prng } from './prng';
import type { NameRegistry } from './registry';

export interface GeneratorContext {
  rng: Prng;
  now: Date;
  names: NameRegistry;
  accounts: Account[];
  hrRows: HrRow[];
}

/** How recently a kind of account tends to log on: weights of each band. */
export interface LogonProfile {
  fresh: number;
  stale: number;
  dormant: number;
  never: number;
}

/**
 * fresh: 0–14 days ago; stale: 20–80 days (neither recent nor dormant at any
 * usual threshold); dormant: 120–400 days; never: attribute absent.
 */
export function lastLogonFor(ctx: GeneratorContext, profile: LogonProfile): Date | undefined {
  const band = ctx.rng.weighted([
    ['fresh', profile.fresh],
    ['stale', profile.stale],
    ['dormant', profile.dormant],
    ['never', profile.never],
  ] as const);
  const fraction = ctx.rng.next();
  switch (band) {
    case 'fresh':
      return daysBeforeWithTime(ctx.now, ctx.rng.int(0, 14), fraction);
    case 'stale':
      return daysBeforeWithTime(ctx.now, ctx.rng.int(20, 80), fraction);
    case 'dormant':
      return daysBeforeWithTime(ctx.now, ctx.rng.int(120, 400), fraction);
    case 'never':
      return undefined;
  }
}

export const FRESH_ONLY: LogonProfile = { fresh: 1, stale: 0, dormant: 0, never: 0 };
