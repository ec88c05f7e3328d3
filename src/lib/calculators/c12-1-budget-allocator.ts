/**
 * C12.1 Budget allocator (methodology chapter 12.1–12.2, with the portfolio shares of 4.1/4.2).
 *
 * `B_alloc = B × (1 − reserve%)`; each budget line's priority `S_i` is the E1 weighted score of
 * four 1–5 criteria. Three methods:
 *  1. score-proportional water-filling: λ ≥ 0 with `Σ clamp(λ·S_i, floor_i, cap_i) = B_alloc`.
 *     The sum is piecewise linear in λ, so λ is found exactly between two breakpoints (the same
 *     λ bisection would approach); if every line hits its ceiling the rest returns to the reserve;
 *  2. fixed shares by tag (30/40/30 product mix, or 70% Stars + Cash Cows and 20% innovation with
 *     the remaining 10% unassigned); an innovation line counts in the 20% bucket even if it is also
 *     a Star or Cash Cow; floors and ceilings are only checked, not enforced;
 *  3. marginal return: response `f_i(x) = a_i(1 − e^{−x/b_i})`; from the floors, steps of
 *     `Δ = B_alloc/1000` go to the line with the largest `f_i(x_i + Δ) − f_i(x_i)` below its
 *     ceiling (ties to the first line); `solveMarginalExact` is the exact optimum for cross-checks.
 * Amounts are rounded once, to the cent, by largest remainder so they add up exactly; a line
 * sitting on its floor or ceiling keeps that exact (cent-rounded) bound.
 *
 * Everything here is plain numbers: `allocate` runs in Node without a DOM (benchmarks time it
 * with `syntheticAllocation(20 | 200, method)`).
 */
import { defineCalculator, need, round9, type Issue } from '../kit/calculator';
import { largestRemainder, toUnits } from '../kit/rounding';
import type { RawRow, RowRead } from '../kit/rows';
import { weightedScore } from './engines/weighted-score';

export const allocationMethods = ['score', 'shares', 'marginal'] as const;
export type AllocationMethod = (typeof allocationMethods)[number];
export const sharePresets = ['mix', 'portfolio'] as const;
export type SharePreset = (typeof sharePresets)[number];
export const bcgQuadrants = ['star', 'cashCow', 'questionMark', 'dog', 'none'] as const;
export type BcgQuadrant = (typeof bcgQuadrants)[number];
export const productRoles = ['cash', 'growth', 'rd', 'none'] as const;
export type ProductRole = (typeof productRoles)[number];
export const yesNo = ['no', 'yes'] as const;
export const approvalLevels = ['manager', 'cfo', 'ceo'] as const;
export type ApprovalLevel = (typeof approvalLevels)[number];
/** Rule-check buckets and method-2 buckets. */
export const ruleKeys = ['core', 'innovation', 'cash', 'growth', 'rd'] as const;
export type RuleKey = (typeof ruleKeys)[number];
export const criteria = ['fit', 'roi', 'potential', 'urgency'] as const;

/** Largest amount accepted: cents of it stay exact integers in a double. */
export const MAX_MONEY = 1e12;
/** Method 3 gives the budget in this many steps. */
export const MARGINAL_STEPS = 1000;

// ---------------------------------------------------------------------------------------------
// Pure allocation core: numbers in, numbers out.
// ---------------------------------------------------------------------------------------------

export interface AllocLine {
  /** Priority score S_i > 0 (E1 weighted score, 1–5). */
  score: number;
  /** Floor in money (≥ 0); rounded up to the cent. */
  floor: number;
  /** Ceiling in money, or null for none; rounded down to the cent. */
  cap: number | null;
  bcg: BcgQuadrant;
  role: ProductRole;
  innovation: boolean;
  /** Method 3: saturation return a ≥ 0 and scale b > 0 (money). */
  saturation?: number | null;
  scale?: number | null;
}

export type TargetShares = Record<RuleKey, number>;

export interface AllocInput {
  /** B_alloc in money. */
  allocatable: number;
  method: AllocationMethod;
  preset: SharePreset;
  shares: TargetShares;
  lines: readonly AllocLine[];
}

export type Clamp = 'floor' | 'cap' | null;

export interface AllocOk {
  ok: true;
  /** Amount per line in money, rounded to the cent; Σ amounts + unassigned + returned = B_alloc exactly in cents. */
  amounts: number[];
  /** Amount per line before rounding. */
  exact: number[];
  /** Method 1/3: whether the line sits on its floor or ceiling. */
  clamped: Clamp[];
  /** Method 2: the bucket each line falls in, or null (gets 0). */
  bucket: (RuleKey | null)[];
  /** Left unallocated because every line is at its ceiling (methods 1 and 3); returns to the reserve. */
  returned: number;
  /** Method 2: shares with no lines or not assigned by the preset. */
  unassigned: number;
  /** Method 2: buckets with a target share but no lines. */
  emptyBuckets: RuleKey[];
  /** Method 1: the water level λ, money per score point (null when every line is capped). */
  lambda: number | null;
  /** Method 3: step size Δ in money and the number of steps taken. */
  step: number | null;
  steps: number;
}

export type AllocOutcome = AllocOk | { ok: false; code: 'floorsExceedBudget' | 'floorAboveCap' | 'noLines' | 'sharesAbove100' | 'missingResponse' };

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Lines on a bound keep it exactly; the others share the remaining cents by largest remainder. */
function roundToCents(exact: readonly number[], lo: readonly number[], hi: readonly number[], clamped: readonly Clamp[], total: number): number[] {
  const out = exact.map((_, i) => (clamped[i] === 'floor' ? lo[i]! : clamped[i] === 'cap' ? hi[i]! : 0));
  const free = exact.map((_, i) => i).filter((i) => clamped[i] === null);
  const fixed = sum(out);
  if (free.length === 0) return out;
  const shares = largestRemainder(free.map((i) => exact[i]!), 0, total - fixed);
  free.forEach((i, k) => (out[i] = shares[k]!));
  return out;
}

/** Which side of its bounds a value sits on, with a tolerance for binary noise (cents). */
function clampOf(x: number, lo: number, hi: number): Clamp {
  const tol = Math.max(1e-6, Math.abs(x) * 1e-12);
  if (x <= lo + tol) return 'floor';
  if (x >= hi - tol) return 'cap';
  return null;
}

/**
 * Method 1 in cents: λ with Σ clamp(λ·S_i, lo_i, hi_i) = T, assuming Σlo ≤ T. Between
 * consecutive breakpoints (lo_i/S_i, hi_i/S_i) the sum is linear in λ, so λ is exact.
 */
export function waterFill(scores: readonly number[], lo: readonly number[], hi: readonly number[], total: number) {
  const n = scores.length;
  const g = (lambda: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.min(hi[i]!, Math.max(lo[i]!, lambda * scores[i]!));
    return s;
  };
  const capSum = sum(hi);
  if (capSum <= total) {
    const lambda = Math.max(...hi.map((h, i) => h / scores[i]!));
    return { x: [...hi], lambda: Number.isFinite(lambda) ? lambda : null, returned: total - capSum };
  }
  // Line i is free (λ·S_i strictly between its bounds) for enter_i ≤ λ < exit_i.
  const enter = lo.map((l, i) => l / scores[i]!);
  const exit = hi.map((h, i) => h / scores[i]!);
  const points = [0, ...enter, ...exit.filter(Number.isFinite)].sort((a, b) => a - b);
  // Largest breakpoint p_k with g(p_k) ≤ T (g is non-decreasing; g(0) = Σlo ≤ T).
  let low = 0;
  let high = points.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (g(points[mid]!) <= total) low = mid;
    else high = mid - 1;
  }
  const p = points[low]!;
  let freeScore = 0;
  // Compare the same computed ratios as the breakpoints: p·S_i can land a hair below hi_i.
  for (let i = 0; i < n; i++) {
    if (enter[i]! <= p && p < exit[i]!) freeScore += scores[i]!;
  }
  const lambda = freeScore > 0 ? p + (total - g(p)) / freeScore : p;
  return { x: scores.map((s, i) => Math.min(hi[i]!, Math.max(lo[i]!, lambda * s))), lambda, returned: 0 };
}

/** Response curve f(x) = a(1 − e^{−x/b}) and its slope (a/b)e^{−x/b}; x and b in the same unit. */
export const response = (a: number, b: number, x: number) => a * -Math.expm1(-x / b);
export const marginalReturn = (a: number, b: number, x: number) => (a / b) * Math.exp(-x / b);

/**
 * Method 3 in cents: greedy steps of Δ = T/1000 from the floors to the line with the largest
 * gain f(x + Δ) − f(x) below its ceiling (ties to the first); a step stops at the ceiling and
 * the last step is whatever remains.
 */
export function greedyMarginal(a: readonly number[], b: readonly number[], lo: readonly number[], hi: readonly number[], total: number) {
  const n = a.length;
  const x = Float64Array.from(lo);
  const step = total / MARGINAL_STEPS;
  let remaining = total - sum(lo);
  let steps = 0;
  const atCap = Uint8Array.from(lo, (v, i) => (v >= hi[i]! ? 1 : 0));
  // ln of the next step's gain, f(x + Δ) − f(x) = a·e^{−x/b}·(1 − e^{−Δ/b}): no cancellation and
  // no underflow. Only the line that received the last step needs its gain recomputed.
  const lnA = Float64Array.from(a, Math.log);
  const lnStepFactor = Float64Array.from(b, (bi) => Math.log(-Math.expm1(-step / bi)));
  const gain = Float64Array.from(lo, (xi, i) => lnA[i]! - xi / b[i]! + lnStepFactor[i]!);
  // Stop once what is left is negligible (binary noise from adding steps).
  // At most MARGINAL_STEPS full steps plus one capping step per line, whatever the floors are.
  const maxSteps = MARGINAL_STEPS + n + 1;
  while (remaining > step * 1e-9 && step > 0 && steps < maxSteps) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (atCap[i] === 0 && (best < 0 || gain[i]! > gain[best]!)) best = i;
    }
    if (best < 0) break;
    const room = hi[best]! - x[best]!;
    const give = Math.min(step, remaining, room);
    if (give === room) {
      x[best] = hi[best]!;
      atCap[best] = 1;
    } else {
      x[best] = x[best]! + give;
      gain[best] = lnA[best]! - x[best]! / b[best]! + lnStepFactor[best]!;
    }
    remaining -= give;
    steps++;
  }
  const allCapped = atCap.every((c) => c === 1);
  return { x: Array.from(x), step, steps, returned: allCapped ? total - sum(hi) : 0 };
}

/**
 * The exact optimum of method 3 (cross-check): `x_i = b_i·ln(a_i/(b_i·μ))` clamped to the
 * line's bounds, with μ chosen so the lines sum to `total` (all amounts in one unit). Bisection
 * runs on ln μ, because μ itself underflows when a line with a small scale absorbs a large budget.
 */
export function solveMarginalExact(a: readonly number[], b: readonly number[], lo: readonly number[], hi: readonly number[], total: number) {
  const lnSlope = a.map((ai, i) => (ai > 0 ? Math.log(ai / b[i]!) : -Infinity));
  const at = (lnMu: number) => lnSlope.map((ls, i) => Math.min(hi[i]!, Math.max(lo[i]!, ls === -Infinity ? -Infinity : b[i]! * (ls - lnMu))));
  if (sum(hi) <= total) return { x: [...hi], lnMu: -Infinity };
  const finite = lnSlope.filter((ls) => ls > -Infinity);
  if (finite.length === 0) return { x: [...lo], lnMu: Infinity };
  // Above the largest slope at 0 every line sits at its floor; far enough below, every free line passes `total`.
  let lnHigh = Math.max(...finite) + 1;
  let lnLow = Math.min(...finite) - (total + 1) / Math.min(...b) - 1;
  for (let k = 0; k < 200; k++) {
    const mid = (lnLow + lnHigh) / 2;
    if (sum(at(mid)) > total) lnLow = mid;
    else lnHigh = mid;
  }
  const lnMu = (lnLow + lnHigh) / 2;
  return { x: at(lnMu), lnMu };
}

/** The buckets of method 2 and of the rule check: which bucket a line belongs to under a preset. */
export function bucketOf(line: Pick<AllocLine, 'bcg' | 'role' | 'innovation'>, preset: SharePreset): RuleKey | null {
  if (preset === 'portfolio') {
    if (line.innovation) return 'innovation';
    return line.bcg === 'star' || line.bcg === 'cashCow' ? 'core' : null;
  }
  return line.role === 'none' ? null : line.role;
}

export const presetBuckets: Record<SharePreset, readonly RuleKey[]> = {
  mix: ['cash', 'growth', 'rd'],
  portfolio: ['core', 'innovation'],
};

/** Allocates B_alloc to the lines with the chosen method. Pure; safe to benchmark. */
export function allocate(input: AllocInput): AllocOutcome {
  const { lines, method } = input;
  const n = lines.length;
  if (n === 0) return { ok: false, code: 'noLines' };
  const total = toUnits(input.allocatable);
  const lo = lines.map((l) => toUnits(l.floor, 'up'));
  const hi = lines.map((l) => (l.cap === null ? Infinity : toUnits(l.cap, 'down')));
  if (lo.some((v, i) => v > hi[i]!)) return { ok: false, code: 'floorAboveCap' };
  const base = { emptyBuckets: [] as RuleKey[], unassigned: 0, lambda: null, step: null, steps: 0, bucket: lines.map(() => null) };

  if (method === 'shares') {
    const buckets = presetBuckets[input.preset];
    if (round9(sum(buckets.map((k) => input.shares[k]))) > 1) return { ok: false, code: 'sharesAbove100' };
    const bucket = lines.map((l) => bucketOf(l, input.preset));
    const scoreSum: Partial<Record<RuleKey, number>> = {};
    bucket.forEach((k, i) => k && (scoreSum[k] = (scoreSum[k] ?? 0) + lines[i]!.score));
    const exact = lines.map((l, i) => {
      const k = bucket[i];
      return k && scoreSum[k]! > 0 ? (total * input.shares[k] * l.score) / scoreSum[k]! : 0;
    });
    const unassignedExact = Math.max(0, total - sum(exact));
    const rounded = largestRemainder([...exact, unassignedExact], 0, total);
    return {
      ...base,
      ok: true,
      amounts: rounded.slice(0, n).map((c) => c / 100),
      exact: exact.map((c) => c / 100),
      clamped: lines.map(() => null),
      bucket,
      returned: 0,
      unassigned: rounded[n]! / 100,
      emptyBuckets: buckets.filter((k) => input.shares[k] > 0 && scoreSum[k] === undefined),
    };
  }

  if (sum(lo) > total) return { ok: false, code: 'floorsExceedBudget' };

  if (method === 'score') {
    const scores = lines.map((l) => l.score);
    const fill = waterFill(scores, lo, hi, total);
    // A line is on a bound when the level λ·S_i would take it there (a line with floor = ceiling
    // counts as capped when the level reaches it).
    const clamped = scores.map((s, i): Clamp => {
      if (fill.returned > 0 || fill.lambda === null) return 'cap';
      const want = fill.lambda * s;
      const tol = Math.max(1e-6, want * 1e-12);
      if (want >= hi[i]! - tol) return 'cap';
      if (want <= lo[i]! + tol) return 'floor';
      return null;
    });
    const cents = roundToCents(fill.x, lo, hi, clamped, total - fill.returned);
    return {
      ...base,
      ok: true,
      amounts: cents.map((c) => c / 100),
      exact: fill.x.map((c) => c / 100),
      clamped,
      returned: fill.returned / 100,
      lambda: fill.lambda === null ? null : fill.lambda / 100,
    };
  }

  const a = lines.map((l) => l.saturation ?? NaN);
  const b = lines.map((l) => (l.scale ?? NaN) * 100);
  if (a.some((v) => !(v >= 0)) || b.some((v) => !(v > 0))) return { ok: false, code: 'missingResponse' };
  const greedy = greedyMarginal(a, b, lo, hi, total);
  const clamped = greedy.x.map((x, i) => (greedy.returned > 0 ? 'cap' : clampOf(x, lo[i]!, hi[i]!)));
  const cents = roundToCents(greedy.x, lo, hi, clamped, total - greedy.returned);
  return {
    ...base,
    ok: true,
    amounts: cents.map((c) => c / 100),
    exact: greedy.x.map((c) => c / 100),
    clamped,
    returned: greedy.returned / 100,
    step: greedy.step / 100,
    steps: greedy.steps,
  };
}

/** Approval level = the first limit at or above the amount: manager, then CFO, else CEO. */
export function approvalLevel(amount: number, managerLimit: number, cfoLimit: number): ApprovalLevel {
  if (round9(amount) <= round9(managerLimit)) return 'manager';
  if (round9(amount) <= round9(cfoLimit)) return 'cfo';
  return 'ceo';
}

/** Deterministic synthetic input with n lines, for benchmarks. */
export function syntheticAllocation(n: number, method: AllocationMethod = 'score'): AllocInput {
  const lines: AllocLine[] = Array.from({ length: n }, (_, i) => ({
    score: 1 + ((i * 37) % 41) / 10,
    floor: i % 5 === 0 ? 10_000 : 0,
    cap: i % 3 === 0 ? 400_000 + 10_000 * (i % 7) : null,
    bcg: bcgQuadrants[i % 4]!,
    role: productRoles[i % 3]!,
    innovation: i % 6 === 0,
    saturation: 200_000 + 50_000 * (i % 9),
    scale: 100_000 + 25_000 * (i % 5),
  }));
  return {
    allocatable: 90_000 * n,
    method,
    preset: 'mix',
    shares: { core: 0.7, innovation: 0.2, cash: 0.3, growth: 0.4, rd: 0.3 },
    lines,
  };
}

// ---------------------------------------------------------------------------------------------
// The calculator: fields, table, guards and messages around the core.
// ---------------------------------------------------------------------------------------------

const money = { kind: 'money', min: 0, max: MAX_MONEY } as const;
const share = { kind: 'percent', min: 0, max: 1 } as const;
const weight = { kind: 'number', min: 0, max: 1000 } as const;
const criterion = { kind: 'number', min: 1, max: 5 } as const;

export const budgetColumns = {
  name: { kind: 'text', maxLength: 64, optional: true },
  fit: criterion,
  roi: criterion,
  potential: criterion,
  urgency: criterion,
  floor: { kind: 'money', min: 0, max: MAX_MONEY, optional: true },
  cap: { kind: 'money', min: 0, max: MAX_MONEY, optional: true },
  bcg: { kind: 'choice', options: bcgQuadrants },
  role: { kind: 'choice', options: productRoles },
  innovation: { kind: 'choice', options: yesNo },
  saturation: { kind: 'money', min: 0, max: MAX_MONEY, optional: true },
  scale: { kind: 'money', max: MAX_MONEY, optional: true },
} as const;
export type BudgetColumns = typeof budgetColumns;

export interface AllocationLineResult {
  /** 0-based table row. */
  row: number;
  score: number;
  amount: number;
  exact: number;
  /** amount / B_alloc (absent when B_alloc = 0). */
  share?: number;
  floor: number;
  cap: number | null;
  clamped: Clamp;
  bucket: RuleKey | null;
  approval?: ApprovalLevel;
  /** Method 3. */
  predictedReturn?: number;
  marginalReturn?: number;
}

export interface RuleCheck {
  rule: RuleKey;
  share: number;
  target: number;
  deviation: number;
  pass: boolean;
}

export interface ResponseCurve {
  row: number;
  points: { x: number; y: number }[];
  allocated: { x: number; y: number };
}

export interface BudgetAllocatorResults {
  allocatable: number;
  reserve: number;
  returnedToReserve: number;
  reserveTotal: number;
  unassigned: number;
  emptyBuckets: RuleKey[];
  allocatedTotal: number;
  lambda: number | null;
  step: number;
  steps: number;
  /** Priority score per table row (absent for rows that could not be scored). */
  scores: (number | undefined)[];
  lines: AllocationLineResult[];
  predictedReturnTotal: number;
  approvalCounts: Record<ApprovalLevel, number>;
  rules: RuleCheck[];
  curves: ResponseCurve[];
}

const row = (
  name: string, fit: string, roi: string, potential: string, urgency: string, floor: string, cap: string,
  bcg: BcgQuadrant, role: ProductRole, innovation: 'yes' | 'no', saturation: string, scale: string,
): RawRow<BudgetColumns> => ({ name, fit, roi, potential, urgency, floor, cap, bcg, role, innovation, saturation, scale });

/** Default lines (illustrative): a small portfolio with every tag in use. */
export const defaultBudgetRows: RawRow<BudgetColumns>[] = [
  row('Core product line', '5', '4', '4', '3', '1000000', '3000000', 'star', 'growth', 'no', '6000000', '2500000'),
  row('Flagship brand', '4', '5', '3', '2', '1000000', '2500000', 'cashCow', 'cash', 'no', '4000000', '1500000'),
  row('Channel expansion', '3', '3', '4', '4', '', '1500000', 'questionMark', 'growth', 'no', '2500000', '1500000'),
  row('New product R&D', '4', '2', '5', '3', '500000', '', 'questionMark', 'rd', 'yes', '5000000', '3000000'),
  row('Digital platform', '4', '3', '4', '5', '', '2000000', 'star', 'rd', 'yes', '3000000', '1200000'),
  row('Legacy line', '2', '3', '1', '1', '', '800000', 'dog', 'cash', 'no', '800000', '500000'),
];

/** Worked example (method 1): scores 5 / 3 / 2, A capped at 400,000, C floored at 50,000. */
export const exampleBudgetRows: RawRow<BudgetColumns>[] = [
  row('A', '5', '5', '5', '5', '', '400000', 'star', 'growth', 'no', '', ''),
  row('B', '3', '3', '3', '3', '', '', 'cashCow', 'cash', 'no', '', ''),
  row('C', '2', '2', '2', '2', '50000', '', 'questionMark', 'rd', 'yes', '', ''),
];

/** A blank new line: mid scores, no floor or ceiling, no tags. */
export const blankBudgetRow = (): RawRow<BudgetColumns> =>
  row('', '3', '3', '3', '3', '', '', 'none', 'none', 'no', '', '');

const CURVE_POINTS = 21;
/** A response curve whose scale spans fewer steps than this gets a "coarse step" note. */
const COARSE_STEPS = 50;

export const budgetAllocator = defineCalculator({
  id: 'C12.1',
  fields: {
    totalBudget: money,
    reserve: share,
    wFit: weight,
    wRoi: weight,
    wPotential: weight,
    wUrgency: weight,
    method: { kind: 'choice', options: allocationMethods },
    preset: { kind: 'choice', options: sharePresets },
    shareCore: share,
    shareInnovation: share,
    shareCash: share,
    shareGrowth: share,
    shareRd: share,
    managerLimit: money,
    cfoLimit: money,
    tolerance: share,
  },
  defaults: {
    totalBudget: '10000000', reserve: '10', wFit: '30', wRoi: '30', wPotential: '25', wUrgency: '15',
    method: 'score', preset: 'mix', shareCore: '70', shareInnovation: '20', shareCash: '30', shareGrowth: '40',
    shareRd: '30', managerLimit: '100000', cfoLimit: '1000000', tolerance: '5',
  },
  example: {
    totalBudget: '1000000', reserve: '10', wFit: '30', wRoi: '30', wPotential: '25', wUrgency: '15',
    method: 'score', preset: 'mix', shareCore: '70', shareInnovation: '20', shareCash: '30', shareGrowth: '40',
    shareRd: '30', managerLimit: '100000', cfoLimit: '1000000', tolerance: '5',
  },
  table: { columns: budgetColumns, minRows: 2, maxRows: 200 },
  defaultRows: defaultBudgetRows,
  exampleRows: exampleBudgetRows,
  compute(values, rows: RowRead<BudgetColumns>[]) {
    const r: Partial<BudgetAllocatorResults> = {};
    const issues: Issue[] = [];
    const method = values.method;

    // Reserve and B_alloc, split to the cent so reserve + B_alloc = B exactly.
    const budget = need(values, 'totalBudget', 'reserve');
    if (budget) {
      const totalCents = toUnits(budget.totalBudget);
      const allocCents = toUnits(budget.totalBudget * (1 - budget.reserve));
      r.allocatable = allocCents / 100;
      r.reserve = (totalCents - allocCents) / 100;
      if (round9(budget.reserve) === 1) issues.push({ severity: 'warning', field: 'reserve', code: 'c12_1.allReserved' });
    }

    // E1 weights.
    const w = need(values, 'wFit', 'wRoi', 'wPotential', 'wUrgency');
    const weights = w ? [w.wFit, w.wRoi, w.wPotential, w.wUrgency] : undefined;
    if (weights && round9(sum(weights)) === 0) issues.push({ severity: 'error', field: 'wFit', code: 'c12_1.weightsZero' });

    // Lines: score every row that can be scored; keep the usable ones for the allocation.
    const scores: (number | undefined)[] = [];
    const usable: { row: number; line: AllocLine }[] = [];
    rows.forEach((read, i) => {
      const v = read.values;
      const needed: (keyof BudgetColumns)[] = ['fit', 'roi', 'potential', 'urgency', 'floor', 'cap', 'bcg', 'role', 'innovation'];
      if (method === 'marginal') needed.push('saturation', 'scale');
      const bad = needed.filter((k) => read.errors[k] !== undefined);
      const s = weights && v.fit !== undefined && v.roi !== undefined && v.potential !== undefined && v.urgency !== undefined
        ? weightedScore([v.fit, v.roi, v.potential, v.urgency], weights)
        : null;
      scores.push(s ?? undefined);
      if (bad.length > 0) {
        issues.push({ severity: 'warning', row: i, code: 'c12_1.rowExcluded' });
        return;
      }
      const floor = v.floor ?? 0;
      const cap = v.cap ?? null;
      if (cap !== null && toUnits(floor, 'up') > toUnits(cap, 'down')) {
        issues.push({ severity: 'error', row: i, column: 'cap', code: 'c12_1.floorAboveCap' });
        return;
      }
      if (method === 'marginal') {
        let missing = false;
        if (v.saturation == null) {
          issues.push({ severity: 'error', row: i, column: 'saturation', code: 'c12_1.needSaturation' });
          missing = true;
        }
        if (v.scale == null) {
          issues.push({ severity: 'error', row: i, column: 'scale', code: 'c12_1.needScale' });
          missing = true;
        } else if (v.scale <= 0) {
          issues.push({ severity: 'error', row: i, column: 'scale', code: 'c12_1.scaleNotPositive' });
          missing = true;
        }
        if (missing) return;
      }
      if (s === null) return;
      usable.push({
        row: i,
        line: {
          score: s,
          floor,
          cap,
          bcg: v.bcg!,
          role: v.role!,
          innovation: v.innovation === 'yes',
          saturation: v.saturation ?? null,
          scale: v.scale ?? null,
        },
      });
    });
    r.scores = scores;

    const shares = need(values, 'shareCore', 'shareInnovation', 'shareCash', 'shareGrowth', 'shareRd');
    const targets: TargetShares | undefined = shares
      ? { core: shares.shareCore, innovation: shares.shareInnovation, cash: shares.shareCash, growth: shares.shareGrowth, rd: shares.shareRd }
      : undefined;
    if (targets && round9(targets.cash + targets.growth + targets.rd) > 1) {
      issues.push({ severity: method === 'shares' && values.preset === 'mix' ? 'error' : 'warning', field: 'shareRd', code: 'c12_1.mixAbove100', params: { sum: round9(100 * (targets.cash + targets.growth + targets.rd)) } });
    }
    if (targets && round9(targets.core + targets.innovation) > 1) {
      issues.push({ severity: method === 'shares' && values.preset === 'portfolio' ? 'error' : 'warning', field: 'shareInnovation', code: 'c12_1.portfolioAbove100', params: { sum: round9(100 * (targets.core + targets.innovation)) } });
    }

    const limits = need(values, 'managerLimit', 'cfoLimit');
    const limitsOk = limits !== undefined && round9(limits.managerLimit) <= round9(limits.cfoLimit);
    if (limits && !limitsOk) issues.push({ severity: 'error', field: 'cfoLimit', code: 'c12_1.limitsOrder' });

    const canAllocate = r.allocatable !== undefined && method !== undefined && weights !== undefined && round9(sum(weights)) > 0
      && (method !== 'shares' || (targets !== undefined && values.preset !== undefined));
    if (!canAllocate) return { results: r, issues };
    if (usable.length === 0) {
      issues.push({ severity: 'error', code: 'c12_1.noLines' });
      return { results: r, issues };
    }

    const outcome = allocate({
      allocatable: r.allocatable!,
      method,
      preset: values.preset ?? 'mix',
      shares: targets ?? { core: 0, innovation: 0, cash: 0, growth: 0, rd: 0 },
      lines: usable.map((u) => u.line),
    });
    if (!outcome.ok) {
      const code = `c12_1.${outcome.code}`;
      if (outcome.code === 'floorsExceedBudget') {
        issues.push({ severity: 'error', code, params: { floors: { money: sum(usable.map((u) => toUnits(u.line.floor, 'up'))) / 100 }, budget: { money: r.allocatable! } } });
      } else if (outcome.code !== 'sharesAbove100') {
        issues.push({ severity: 'error', code });
      }
      return { results: r, issues };
    }

    const alloc = r.allocatable!;
    r.returnedToReserve = outcome.returned;
    r.reserveTotal = (toUnits(r.reserve!) + toUnits(outcome.returned)) / 100;
    r.unassigned = outcome.unassigned;
    r.emptyBuckets = outcome.emptyBuckets;
    r.lambda = outcome.lambda;
    r.step = outcome.step ?? 0;
    r.steps = outcome.steps;
    r.allocatedTotal = sum(outcome.amounts.map((x) => toUnits(x))) / 100;
    if (outcome.returned > 0) issues.push({ severity: 'warning', code: 'c12_1.capsBelowBudget', params: { returned: { money: outcome.returned } } });
    if (outcome.unassigned > 0) issues.push({ severity: 'info', code: 'c12_1.unassigned', params: { amount: { money: outcome.unassigned } } });
    for (const k of outcome.emptyBuckets) issues.push({ severity: 'warning', code: `c12_1.emptyBucket.${k}` });

    r.lines = usable.map((u, k) => {
      const amount = outcome.amounts[k]!;
      const line: AllocationLineResult = {
        row: u.row,
        score: u.line.score,
        amount,
        exact: outcome.exact[k]!,
        floor: u.line.floor,
        cap: u.line.cap,
        clamped: outcome.clamped[k]!,
        bucket: method === 'shares' ? outcome.bucket[k]! : null,
      };
      if (alloc > 0) line.share = amount / alloc;
      if (limitsOk) line.approval = approvalLevel(amount, limits.managerLimit, limits.cfoLimit);
      if (method === 'marginal') {
        const a = u.line.saturation!;
        const b = u.line.scale!;
        line.predictedReturn = response(a, b, amount);
        line.marginalReturn = marginalReturn(a, b, amount);
        // Below ~50 steps per scale the step method can miss the exact optimum by more than Δ.
        if (alloc > 0 && b < (COARSE_STEPS * alloc) / MARGINAL_STEPS) issues.push({ severity: 'info', row: u.row, code: 'c12_1.coarseStep' });
      }
      if (method === 'shares') {
        if (line.bucket === null) issues.push({ severity: 'info', row: u.row, code: 'c12_1.noBucket' });
        if (round9(amount) < round9(u.line.floor)) issues.push({ severity: 'warning', row: u.row, column: 'floor', code: 'c12_1.belowFloor' });
        if (u.line.cap !== null && round9(amount) > round9(u.line.cap)) issues.push({ severity: 'warning', row: u.row, column: 'cap', code: 'c12_1.aboveCap' });
      }
      return line;
    });

    if (limitsOk) {
      const counts: Record<ApprovalLevel, number> = { manager: 0, cfo: 0, ceo: 0 };
      for (const line of r.lines) counts[line.approval!]++;
      r.approvalCounts = counts;
    }

    if (method === 'marginal') {
      r.predictedReturnTotal = sum(r.lines.map((l) => l.predictedReturn!));
      r.curves = r.lines.map((l, k) => {
        const { saturation: a, scale: b } = usable[k]!.line;
        const top = Math.max(l.amount * 1.5, b! * 3);
        const points = Array.from({ length: CURVE_POINTS }, (_, j) => {
          const x = (top * j) / (CURVE_POINTS - 1);
          return { x, y: response(a!, b!, x) };
        });
        return { row: l.row, points, allocated: { x: l.amount, y: l.predictedReturn! } };
      });
    }

    // Rule check: shares of B_alloc against 70% / 20% / 30-40-30 (buckets as in method 2).
    if (targets && values.tolerance != null) {
      if (alloc > 0) {
        const tol = values.tolerance;
        const allocCents = toUnits(alloc);
        const bucketCents = (preset: SharePreset, key: RuleKey) =>
          sum(r.lines!.filter((_, k) => bucketOf(usable[k]!.line, preset) === key).map((l) => toUnits(l.amount)));
        r.rules = ruleKeys.map((rule) => {
          const preset: SharePreset = rule === 'core' || rule === 'innovation' ? 'portfolio' : 'mix';
          const shareOf = bucketCents(preset, rule) / allocCents;
          const deviation = shareOf - targets[rule];
          return { rule, share: shareOf, target: targets[rule], deviation, pass: Math.abs(round9(deviation)) <= round9(tol) };
        });
      } else {
        issues.push({ severity: 'info', code: 'c12_1.noRuleCheck' });
      }
    }

    return { results: r, issues };
  },
});
