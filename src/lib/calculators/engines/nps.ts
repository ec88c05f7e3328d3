/**
 * E3 NPS engine (methodology, "Shared formula engines"). Used by C04.3 (concept-test gate) and
 * C07.1 (brand health).
 *
 * Scores 9–10 are promoters, 7–8 passives, 0–6 detractors. `NPS = 100·(n_P − n_D)/n`, on −100…100.
 * Interval variant: **Wald** (normal approximation) on the promoter/detractor trinomial. Each
 * answer scores +1, 0 or −1, so with `p_P = n_P/n`, `p_D = n_D/n` the per-answer variance is
 * `Var = p_P + p_D − (p_P − p_D)²`, `SE = 100·√(Var/n)` points and the interval is `NPS ± z·SE`
 * (z = 1.96 for 95%), cut to −100…100 where it runs past them. (The adjusted-Wald variant, which
 * adds pseudo-answers before computing, is not used: the playbook's rule is the plain one.)
 * Sample size for a ±E-point margin: `n = z²·Var/(E/100)²`, rounded up. Difference of two
 * independent NPS: `SE_diff = √(SE₁² + SE₂²)`.
 *
 * Pure functions: no strings for readers; each guard returns `{ ok: false, reason }` with a
 * stable reason the calling calculator turns into its own message; never NaN or Infinity.
 */
import { ceilSafe, round9 } from '../../kit/calculator';
import type { Guarded } from './normal';

/** z for the methodology's 95% interval. */
export const NPS_Z95 = 1.96;

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export type NpsClass = 'promoter' | 'passive' | 'detractor';

export interface Nps {
  /** Number of answers. */
  n: number;
  promoterShare: number;
  passiveShare: number;
  detractorShare: number;
  /** −100…100 */
  nps: number;
  /** Variance of one answer's +1/0/−1 score, 0…1. */
  variance: number;
  /** Standard error in NPS points. */
  standardError: number;
  /** Wald interval `NPS ± z·SE`, cut to −100…100. */
  low: number;
  high: number;
  /** True when the Wald interval ran past −100 or 100 and was cut there. */
  clamped: boolean;
}

export type NpsGuard =
  /** A count is negative or fractional, or the counts add up past 2⁵³. */
  | 'badCount'
  /** n = 0: no answers, no score. */
  | 'noResponses';

/** The class of one 0–10 answer, or null when the answer is not a whole number from 0 to 10. */
export function classifyScore(score: number): NpsClass | null {
  if (!Number.isInteger(score) || score < 0 || score > 10) return null;
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/**
 * Counts promoters, passives and detractors in a list of 0–10 answers. On an answer outside
 * 0–10 (or not whole) returns its 0-based index so the caller can point at it.
 */
export function countScores(scores: readonly number[]): { ok: true; counts: NpsCounts } | { ok: false; reason: 'scoreOutOfRange'; index: number } {
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (let i = 0; i < scores.length; i++) {
    const cls = classifyScore(scores[i]!);
    if (cls === null) return { ok: false, reason: 'scoreOutOfRange', index: i };
    if (cls === 'promoter') counts.promoters++;
    else if (cls === 'passive') counts.passives++;
    else counts.detractors++;
  }
  return { ok: true, counts };
}

/** NPS with its Wald interval from counts (z = 1.96 gives the 95% interval). */
export function npsFromCounts(counts: NpsCounts, z = NPS_Z95): Guarded<Nps, NpsGuard> {
  const { promoters, passives, detractors } = counts;
  // Whole counts whose total stays exact in a double (a total of Infinity would make every share 0).
  const whole = (c: number) => Number.isSafeInteger(c) && c >= 0;
  if (!whole(promoters) || !whole(passives) || !whole(detractors)) return { ok: false, reason: 'badCount' };
  const n = promoters + passives + detractors;
  if (!Number.isSafeInteger(n)) return { ok: false, reason: 'badCount' };
  if (n === 0) return { ok: false, reason: 'noResponses' };
  const pP = promoters / n;
  const pD = detractors / n;
  const nps = 100 * (pP - pD);
  // Never below 0, even where binary rounding would leave a hair under it (all answers alike).
  const variance = Math.max(0, pP + pD - (pP - pD) ** 2);
  const standardError = 100 * Math.sqrt(variance / n);
  const rawLow = nps - z * standardError;
  const rawHigh = nps + z * standardError;
  const low = Math.max(-100, rawLow);
  const high = Math.min(100, rawHigh);
  return {
    ok: true,
    n,
    promoterShare: pP,
    passiveShare: passives / n,
    detractorShare: pD,
    nps,
    variance,
    standardError,
    low,
    high,
    clamped: low !== rawLow || high !== rawHigh,
  };
}

export interface NpsSampleSize {
  /** `z²·Var/(E/100)²` before rounding. */
  exact: number;
  /** Answers needed, rounded up (after rounding to 9 decimals). */
  n: number;
}

/**
 * Answers needed for a ±`marginPoints` interval at the given per-answer variance:
 * `n = z²·Var/(E/100)²`, rounded up. Guards: E ≤ 0 (`zeroMargin`); Var = 0 (`zeroVariance`:
 * every answer alike, so the formula would say 0 answers; plan with the worst case Var = 1
 * instead); a result too large to hold (`tooLarge`).
 */
export function npsSampleSize(variance: number, marginPoints: number, z = NPS_Z95): Guarded<NpsSampleSize, 'zeroMargin' | 'zeroVariance' | 'tooLarge'> {
  if (!(round9(marginPoints) > 0)) return { ok: false, reason: 'zeroMargin' };
  if (!(round9(variance) > 0)) return { ok: false, reason: 'zeroVariance' };
  const e = marginPoints / 100;
  const exact = (z * z * variance) / (e * e);
  if (!Number.isFinite(exact) || exact > Number.MAX_SAFE_INTEGER) return { ok: false, reason: 'tooLarge' };
  return { ok: true, exact, n: ceilSafe(exact) };
}
