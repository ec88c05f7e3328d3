/**
 * E4 Growth (methodology, "Shared formula engines").
 *
 * `CAGR = (V_end/V_start)^(1/years) − 1` (guards: V_start ≤ 0, V_end < 0, years ≤ 0);
 * projection `V_t = V₀(1+r)^t`; doubling time `ln 2 / ln(1+r)` (guard r ≤ 0: never doubles —
 * r = 0 divides by zero and −100% < r < 0 would give a negative time).
 * Pure numbers in, numbers or a guard name out; callers map guards to their own message codes.
 */
import { round9 } from '../../kit/calculator';

export type CagrGuard = 'startNotPositive' | 'endNegative' | 'yearsNotPositive' | 'overflow';
export type Guarded<T, G extends string> = { ok: true; value: T } | { ok: false; guard: G };

export function cagr(start: number, end: number, years: number): Guarded<number, CagrGuard> {
  if (!(start > 0)) return { ok: false, guard: 'startNotPositive' };
  if (!(end >= 0)) return { ok: false, guard: 'endNegative' };
  if (!(years > 0)) return { ok: false, guard: 'yearsNotPositive' };
  const value = (end / start) ** (1 / years) - 1;
  // end/start can overflow (1e308 / 1e-300): the rate is then beyond any figure, so it is refused.
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, guard: 'overflow' };
}

/** `(1 + r)^t`; null when r < −100% or t < 0 (no meaningful compounding) or the result overflows. */
export function growthFactor(rate: number, years: number): number | null {
  if (!(rate >= -1) || !(years >= 0)) return null;
  const factor = (1 + rate) ** years;
  return Number.isFinite(factor) ? factor : null;
}

/** `V_t = V₀(1+r)^t`; null under the same guards as `growthFactor`. */
export function project(base: number, rate: number, years: number): number | null {
  const factor = growthFactor(rate, years);
  if (factor === null) return null;
  const value = base * factor;
  return Number.isFinite(value) ? value : null;
}

/** `[V₀, V₁, …, V_years]`, each computed from V₀ (never from a rounded previous year). */
export function projectSeries(base: number, rate: number, years: number): number[] | null {
  if (!Number.isInteger(years) || years < 0) return null;
  const out: number[] = [];
  for (let t = 0; t <= years; t++) {
    const value = project(base, rate, t);
    if (value === null) return null;
    out.push(value);
  }
  return out;
}

/** `ln 2 / ln(1 + r)`; r ≤ 0 (after rounding to 9 decimals) never doubles. */
export function doublingTime(rate: number): Guarded<number, 'neverDoubles'> {
  if (!(round9(rate) > 0)) return { ok: false, guard: 'neverDoubles' };
  const value = Math.LN2 / Math.log1p(rate);
  return Number.isFinite(value) && value > 0 ? { ok: true, value } : { ok: false, guard: 'neverDoubles' };
}
