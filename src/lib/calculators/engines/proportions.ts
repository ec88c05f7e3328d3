/**
 * E2 Proportions engine (methodology "Shared formula engines"): a proportion with its Wilson
 * interval, the pooled two-proportion z-test with a two-sided p-value, and the sample size per
 * arm needed to detect p₁ → p₂ (with the normal quantile: `sample-size.ts`). Shared by C05.2
 * (A/B price test), C07.1 (brand health) and chapter 8 (C08.2).
 *
 * Pure functions: no strings for readers. Each guard returns `{ ok: false, reason }`, where the
 * reason is a stable code the calling calculator turns into its own message; nothing here
 * returns NaN or Infinity.
 */

export { normalCdf, type Guarded } from './normal';
import { normalCdf, type Guarded } from './normal';

/** Upper-tail probability 1 − Φ(|x|), computed without cancellation. */
function upperTail(x: number): number {
  return normalCdf(-Math.abs(x));
}

export interface Proportion {
  /** p̂ = x / n */
  rate: number;
  /** Wilson score interval at the requested confidence. */
  low: number;
  high: number;
}

/**
 * `p̂ = x/n`; Wilson interval `centre = (p̂ + z²/(2n))/(1 + z²/n)`,
 * `half = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/(4n²))` (default z = 1.96, the methodology's 95%).
 * Guards: n = 0 (`zeroTrials`), x outside 0…n (`successesAboveTrials`).
 */
export function proportion(x: number, n: number, z = 1.96): Guarded<Proportion, 'zeroTrials' | 'successesAboveTrials' | 'notFinite'> {
  if (![x, n, z].every(Number.isFinite)) return { ok: false, reason: 'notFinite' };
  if (n <= 0) return { ok: false, reason: 'zeroTrials' };
  if (x < 0 || x > n) return { ok: false, reason: 'successesAboveTrials' };
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt(Math.max(0, (p * (1 - p)) / n + z2 / (4 * n * n)));
  if (![p, centre, half].every(Number.isFinite)) return { ok: false, reason: 'notFinite' };
  return { ok: true, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface TwoProportionTest {
  rate1: number;
  rate2: number;
  /** Pooled rate p̄ = (x₁ + x₂)/(n₁ + n₂). */
  pooled: number;
  /** p̂₂ − p̂₁ */
  difference: number;
  standardError: number;
  z: number;
  /** Two-sided p = 2(1 − Φ(|z|)). */
  pValue: number;
}

/**
 * Pooled two-proportion z-test: `z = (p̂₂ − p̂₁)/√(p̄(1−p̄)(1/n₁ + 1/n₂))`, two-sided
 * `p = 2(1 − Φ(|z|))`. Guards: either n = 0, x outside 0…n, p̄ = 0 or 1 (`degeneratePooled`:
 * nobody or everybody converted, so the standard error is 0).
 */
export function twoProportionTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
): Guarded<TwoProportionTest, 'zeroTrials' | 'successesAboveTrials' | 'degeneratePooled' | 'notFinite'> {
  if (![x1, n1, x2, n2].every(Number.isFinite)) return { ok: false, reason: 'notFinite' };
  if (n1 <= 0 || n2 <= 0) return { ok: false, reason: 'zeroTrials' };
  if (x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) return { ok: false, reason: 'successesAboveTrials' };
  const rate1 = x1 / n1;
  const rate2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(variance > 0)) return { ok: false, reason: 'degeneratePooled' };
  const standardError = Math.sqrt(variance);
  const z = (rate2 - rate1) / standardError;
  const pValue = Math.min(1, 2 * upperTail(z));
  if (![rate1, rate2, pooled, standardError, z, pValue].every(Number.isFinite)) return { ok: false, reason: 'notFinite' };
  return { ok: true, rate1, rate2, pooled, difference: rate2 - rate1, standardError, z, pValue };
}
