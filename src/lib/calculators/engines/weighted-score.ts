/**
 * E1 Weighted score (methodology, "Shared formula engines").
 *
 * `S = Σ wᵢ·sᵢ / Σ wᵢ`, guarded for Σw = 0; and the min–max rescale of a raw criterion onto
 * the 1–5 scale, `s = 1 + 4·(x − min)/(max − min)` (higher is better) or
 * `s = 5 − 4·(x − min)/(max − min)` (lower is better), with `s = 3` when max = min.
 * Pure numbers in, numbers out; callers turn a `null` into their own message code.
 */
import { round9 } from '../../kit/calculator';

/**
 * Weighted mean of `values` with `weights`. Returns null when the weights sum to 0 (after
 * rounding to 9 decimals), when the lists differ in length or are empty, or when any weight
 * is negative or any input is not finite: the caller reports the guard, never NaN.
 */
export function weightedScore(values: readonly number[], weights: readonly number[]): number | null {
  if (values.length === 0 || values.length !== weights.length) return null;
  let sumW = 0;
  let sumWS = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i]!;
    const s = values[i]!;
    if (!Number.isFinite(w) || !Number.isFinite(s) || w < 0) return null;
    sumW += w;
    sumWS += w * s;
  }
  if (round9(sumW) === 0) return null;
  const score = sumWS / sumW;
  return Number.isFinite(score) ? score : null; // overflow of Σw·s: a guard, never ±Infinity
}

/**
 * Min–max rescale of `x` from [min, max] onto 1–5. When max = min (after rounding to 9
 * decimals) every item is equal on this criterion and scores 3. Values outside [min, max]
 * are clamped so a score never leaves 1–5.
 */
export function minMaxRescale(x: number, min: number, max: number, higherIsBetter: boolean): number {
  if (round9(max) === round9(min) || !(max > min)) return 3;
  // Halved before subtracting, so ±1e308 ends do not overflow to Infinity/Infinity = NaN.
  const ratio = (x / 2 - min / 2) / (max / 2 - min / 2);
  const position = Number.isNaN(ratio) ? 0.5 : Math.min(1, Math.max(0, ratio));
  return higherIsBetter ? 1 + 4 * position : 5 - 4 * position;
}

/** Rescales a whole list against its own minimum and maximum (the usual "across the items" use). */
export function minMaxRescaleAll(xs: readonly number[], higherIsBetter: boolean): number[] {
  if (xs.length === 0) return [];
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  return xs.map((x) => minMaxRescale(x, min, max, higherIsBetter));
}
