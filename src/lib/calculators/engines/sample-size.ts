/**
 * E2 Proportions engine, its planning half: the normal quantile Φ⁻¹, z for a confidence level,
 * and the sample size per arm to detect p₁ → p₂. Apart from `proportions.ts` so a calculator
 * that only reads results (C07.1) does not load it.
 */

import { ceilSafe, round9 } from '../../kit/calculator';
import { normalCdf, type Guarded } from './normal';

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
