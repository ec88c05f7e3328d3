/**
 * E5 Customer lifetime value (methodology, "Shared formula engines"). Used by C06.1 (channel LTV)
 * and C10.2 (customer lifetime value).
 *
 * Variant: margin received at the START of each period (so period 1 is not discounted):
 *   per-period margin   m = AOV × purchases per period × gross margin − retention cost
 *   finite horizon      CLV_T = Σ_{t=0}^{T−1} m·r^t/(1+d)^t
 *   infinite horizon    CLV_∞ = m·(1+d)/(1+d−r)            (guard r ≥ 1 + d)
 *   simple variant      LTV ≈ m/(1−r), undiscounted         (guard r = 100%)
 *   expected lifetime   1/(1−r) periods                     (guard r = 100%)
 *   net of acquisition  CLV − CAC; payback period = the first period whose cumulative CLV ≥ CAC.
 *
 * Pure numbers in; each function returns `{ ok: true, … }` or `{ ok: false, reason }` with a stable
 * reason code that the calling calculator maps to its own message. Nothing here returns NaN or
 * Infinity. The public API (names, fields, reason codes) is stable: other calculators import it.
 */
import { round9 } from '../../kit/calculator';

export type Guarded<T, Reason extends string> = ({ ok: true } & T) | { ok: false; reason: Reason };

/** Longest horizon accepted, in periods: keeps every loop short whatever the input. */
export const MAX_CLV_HORIZON = 100;

export type ClvReason =
  | 'retentionOutOfRange' // r outside 0…1
  | 'discountRateOutOfRange' // d ≤ −100%
  | 'horizonOutOfRange' // T not a whole number in 1…MAX_CLV_HORIZON
  | 'neverEnds' // r ≥ 1 + d: the discounted series does not converge
  | 'fullRetention' // r = 100%: the undiscounted lifetime is endless
  | 'overflow'; // a finite but huge input overflowed

/** `m = AOV × purchases × gross margin − retention cost` (one period). */
export function periodMargin(orderValue: number, purchasesPerPeriod: number, grossMargin: number, retentionCost = 0): number {
  return orderValue * purchasesPerPeriod * grossMargin - retentionCost;
}

function checkRates(retention: number, discountRate: number): 'retentionOutOfRange' | 'discountRateOutOfRange' | null {
  if (!(retention >= 0 && retention <= 1)) return 'retentionOutOfRange';
  if (!(discountRate > -1) || !Number.isFinite(discountRate)) return 'discountRateOutOfRange';
  return null;
}

export interface FiniteClv {
  /** CLV_T. */
  value: number;
  /** Cumulative CLV after 1, 2, …, T periods (`cumulative[T − 1] = value`). */
  cumulative: number[];
  /** Discounted margin received in each period t = 0…T−1: m·r^t/(1+d)^t. */
  perPeriod: number[];
}

/** `CLV_T = Σ_{t=0}^{T−1} m·r^t/(1+d)^t`, with the cumulative sum by period. */
export function finiteClv(margin: number, retention: number, discountRate: number, horizon: number): Guarded<FiniteClv, ClvReason> {
  const bad = checkRates(retention, discountRate);
  if (bad) return { ok: false, reason: bad };
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_CLV_HORIZON) return { ok: false, reason: 'horizonOutOfRange' };
  if (!Number.isFinite(margin)) return { ok: false, reason: 'overflow' };
  const ratio = retention / (1 + discountRate);
  const perPeriod: number[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (let t = 0; t < horizon; t++) {
    // Each term from m directly (not from the previous term), so no rounding accumulates.
    const term = t === 0 ? margin : margin * ratio ** t;
    total += term;
    perPeriod.push(term);
    cumulative.push(total);
  }
  if (!Number.isFinite(total)) return { ok: false, reason: 'overflow' };
  return { ok: true, value: total, cumulative, perPeriod };
}

/** `CLV_∞ = m·(1+d)/(1+d−r)`; guard r ≥ 1 + d (after rounding to 9 decimals). */
export function infiniteClv(margin: number, retention: number, discountRate: number): Guarded<{ value: number }, ClvReason> {
  const bad = checkRates(retention, discountRate);
  if (bad) return { ok: false, reason: bad };
  if (round9(retention) >= round9(1 + discountRate)) return { ok: false, reason: 'neverEnds' };
  const value = (margin * (1 + discountRate)) / (1 + discountRate - retention);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'overflow' };
}

/** Expected lifetime `1/(1−r)` periods; guard r = 100%. */
export function expectedLifetime(retention: number): Guarded<{ value: number }, ClvReason> {
  if (!(retention >= 0 && retention <= 1)) return { ok: false, reason: 'retentionOutOfRange' };
  if (round9(retention) >= 1) return { ok: false, reason: 'fullRetention' };
  return { ok: true, value: 1 / (1 - retention) };
}

/** Simple variant `LTV ≈ m/(1−r)`, undiscounted; guard r = 100%. */
export function simpleLtv(margin: number, retention: number): Guarded<{ value: number }, ClvReason> {
  const life = expectedLifetime(retention);
  if (!life.ok) return life;
  const value = margin * life.value;
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'overflow' };
}

/**
 * The first period (1-based) whose cumulative CLV reaches the acquisition cost (≥, after rounding
 * to 9 decimals), or null when none does within the horizon.
 */
export function paybackPeriod(cumulative: readonly number[], acquisitionCost: number): number | null {
  const target = round9(acquisitionCost);
  for (let i = 0; i < cumulative.length; i++) {
    if (round9(cumulative[i]!) >= target) return i + 1;
  }
  return null;
}

export interface ClvInput {
  /** Per-period margin m (see `periodMargin`). */
  margin: number;
  /** Retention per period r, 0…1. */
  retention: number;
  /** Discount rate per period d, > −1. */
  discountRate: number;
  /** Horizon T in whole periods, 1…MAX_CLV_HORIZON. */
  horizon: number;
  /** Acquisition cost CAC (optional). */
  acquisitionCost?: number | null;
}

export interface ClvSummary {
  margin: number;
  finite?: FiniteClv;
  infinite?: number;
  simple?: number;
  expectedLifetime?: number;
  /** With a CAC: CLV_T − CAC and CLV_∞ − CAC. */
  netFinite?: number;
  netInfinite?: number;
  /** CLV_T / CAC (absent when CAC = 0). */
  ratioToCac?: number;
  /** First period with cumulative CLV ≥ CAC; null = not within the horizon. */
  payback?: number | null;
  /** One reason per part that could not be computed. */
  guards: { part: 'finite' | 'infinite' | 'simple' | 'lifetime' | 'ratio'; reason: ClvReason | 'zeroAcquisitionCost' }[];
}

/** Everything E5 gives for one customer (or one channel's customer), each part guarded on its own. */
export function lifetimeValue(input: ClvInput): ClvSummary {
  const { margin, retention, discountRate, horizon } = input;
  const cac = input.acquisitionCost ?? null;
  const out: ClvSummary = { margin, guards: [] };
  const finite = finiteClv(margin, retention, discountRate, horizon);
  if (finite.ok) out.finite = { value: finite.value, cumulative: finite.cumulative, perPeriod: finite.perPeriod };
  else out.guards.push({ part: 'finite', reason: finite.reason });
  const infinite = infiniteClv(margin, retention, discountRate);
  if (infinite.ok) out.infinite = infinite.value;
  else out.guards.push({ part: 'infinite', reason: infinite.reason });
  const simple = simpleLtv(margin, retention);
  if (simple.ok) out.simple = simple.value;
  else out.guards.push({ part: 'simple', reason: simple.reason });
  const life = expectedLifetime(retention);
  if (life.ok) out.expectedLifetime = life.value;
  else out.guards.push({ part: 'lifetime', reason: life.reason });
  if (cac !== null && Number.isFinite(cac)) {
    if (out.finite) {
      out.netFinite = out.finite.value - cac;
      out.payback = paybackPeriod(out.finite.cumulative, cac);
      if (round9(cac) === 0) out.guards.push({ part: 'ratio', reason: 'zeroAcquisitionCost' });
      else out.ratioToCac = out.finite.value / cac;
    }
    if (out.infinite !== undefined) out.netInfinite = out.infinite - cac;
  }
  return out;
}
