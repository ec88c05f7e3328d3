/**
 * E2 Proportions engine (methodology "Shared formula engines"): a proportion with its Wilson
 * interval, the pooled two-proportion z-test with a two-sided p-value, and the sample size per
 * arm needed to detect p₁ → p₂. Shared by C05.2 (A/B price test) and chapter 8 (C08.2).
 *
 * Pure functions: no strings for readers. Each guard returns `{ ok: false, reason }`, where the
 * reason is a stable code the calling calculator turns into its own message; nothing here
 * returns NaN or Infinity.
 */

import { ceilSafe, round9 } from '../../kit/calculator';

export type Guarded<T, Reason extends string> = ({ ok: true } & T) | { ok: false; reason: Reason };

/**
 * Standard normal CDF Φ(x). Hart's double-precision rational approximation (as published by
 * G. West, "Better approximations to cumulative normal functions", 2005): absolute error about
 * 1e-16 over the whole line, and the tail is computed directly, not as 1 − (something near 1).
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const a = Math.abs(x);
  let tail: number;
  if (a > 37) {
    tail = 0;
  } else {
    const e = Math.exp((-a * a) / 2);
    if (a < 7.07106781186547) {
      let n = 3.52624965998911e-2 * a + 0.700383064443688;
      n = n * a + 6.37396220353165;
      n = n * a + 33.912866078383;
      n = n * a + 112.079291497871;
      n = n * a + 221.213596169931;
      n = n * a + 220.206867912376;
      let d = 8.83883476483184e-2 * a + 1.75566716318264;
      d = d * a + 16.064177579207;
      d = d * a + 86.7807322029461;
      d = d * a + 296.564248779674;
      d = d * a + 637.333633378831;
      d = d * a + 793.826512519948;
      d = d * a + 440.413735824752;
      tail = (e * n) / d;
    } else {
      let b = a + 0.65;
      b = a + 4 / b;
      b = a + 3 / b;
      b = a + 2 / b;
      b = a + 1 / b;
      tail = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}

/** Upper-tail probability 1 − Φ(|x|), computed without cancellation. */
function upperTail(x: number): number {
  return normalCdf(-Math.abs(x));
}

/**
 * Inverse standard normal CDF Φ⁻¹(p) for 0 < p < 1 (P. J. Acklam's rational approximation,
 * relative error 1.15e-9, then one Halley step against `normalCdf`, which brings it to about
 * 1e-15). Φ⁻¹(0.975) = 1.959963984540054, Φ⁻¹(0.8) = 0.8416212335729143.
 * Returns NaN outside (0, 1); callers validate p first.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return Number.NaN;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  // One Halley refinement step.
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Two-sided critical value z_{α/2} = Φ⁻¹(1 − α/2) for a confidence level 1 − α (e.g. 0.95 → 1.95996). */
export function zForConfidence(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2);
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

export interface SampleSize {
  /** Exact n from the formula (not rounded). */
  exact: number;
  /** Whole subjects per arm, rounded up. */
  perArm: number;
  zAlpha: number;
  zBeta: number;
}

/**
 * Sample size per arm to detect p₁ → p₂ (two-sided α, power 1 − β):
 * `n = [z_{α/2}·√(2p̄(1−p̄)) + z_β·√(p₁(1−p₁) + p₂(1−p₂))]² / (p₂ − p₁)²`, `p̄ = (p₁+p₂)/2`,
 * rounded up (after rounding to 9 decimals, the methodology's floating-point rule). Guards:
 * p₁ = p₂ (`noDifference`), rates outside 0…1, α or power outside (0, 1).
 */
export function sampleSizePerArm(
  p1: number,
  p2: number,
  alpha: number,
  power: number,
): Guarded<SampleSize, 'noDifference' | 'rateOutOfRange' | 'badAlphaOrPower'> {
  if (!(p1 >= 0 && p1 <= 1 && p2 >= 0 && p2 <= 1)) return { ok: false, reason: 'rateOutOfRange' };
  if (!(alpha > 0 && alpha < 1 && power > 0 && power < 1)) return { ok: false, reason: 'badAlphaOrPower' };
  if (round9(p1) === round9(p2)) return { ok: false, reason: 'noDifference' };
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zBeta = normalQuantile(power);
  const pBar = (p1 + p2) / 2;
  const top = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  const exact = (top * top) / ((p2 - p1) * (p2 - p1));
  if (!Number.isFinite(exact)) return { ok: false, reason: 'noDifference' };
  return { ok: true, exact, perArm: ceilSafe(exact), zAlpha, zBeta };
}
