/**
 * C09.1 Tiered commission and team bonus (methodology chapter 9.3).
 *
 * Variant: four bands by share of quota — up to 100% at the base rate, then up to two editable
 * breakpoints (120% and 150% by default) and above. A band holds sales above its lower limit up to
 * and including its upper limit. Progressive (default): each band's rate on the sales inside it,
 * `pay = Σ rate_k · max(0, min(S, U_k) − L_k)`. Retroactive: the whole amount at the rate of the
 * band containing S — shown with its cliff (the jump in pay from one more sale past a breakpoint).
 * The marginal rate is the rate on the next unit of sales (progressive). Team bonus = rate × base
 * when team actual ≥ team target; the base is the team's total commission (default), the team's
 * sales, or a bonus pool — the seed does not say, so all three are shown. Payout curve: attainment
 * 0–200% in 2-point steps, with a second point at each breakpoint so the retroactive cliff is a
 * vertical jump.
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';

export const commissionModes = ['progressive', 'retroactive'] as const;
export type CommissionMode = (typeof commissionModes)[number];
export const bonusBases = ['commission', 'sales', 'pool'] as const;
export type BonusBase = (typeof bonusBases)[number];

export interface Band {
  /** Lower and upper limit in money (upper null = no limit). */
  lower: number;
  upper: number | null;
  rate: number;
}

/** Bands from quota, breakpoints (fractions of quota, > 1, increasing) and the four rates. */
export function bandsFor(quota: number, breakpoints: readonly number[], rates: readonly number[]): Band[] {
  const limits = [0, quota, ...breakpoints.map((b) => b * quota)];
  return rates.map((rate, k) => ({ lower: limits[k]!, upper: k + 1 < limits.length ? limits[k + 1]! : null, rate }));
}

/** Sales inside each band: max(0, min(S, U) − L). */
export function salesInBands(sales: number, bands: readonly Band[]): number[] {
  return bands.map((b) => Math.max(0, Math.min(sales, b.upper ?? Infinity) - b.lower));
}

export function progressivePay(sales: number, bands: readonly Band[]): number {
  return salesInBands(sales, bands).reduce((a, x, k) => a + x * bands[k]!.rate, 0);
}

/** The band containing S: above its lower limit, up to and including its upper (S = 0 → first band). */
export function bandIndex(sales: number, bands: readonly Band[]): number {
  const s = round9(sales);
  for (let k = 0; k < bands.length; k++) {
    const upper = bands[k]!.upper;
    if (upper === null || s <= round9(upper)) return k;
  }
  return bands.length - 1;
}

export function retroactivePay(sales: number, bands: readonly Band[]): number {
  return bands[bandIndex(sales, bands)]!.rate * sales;
}

export function payFor(mode: CommissionMode, sales: number, bands: readonly Band[]): number {
  return mode === 'progressive' ? progressivePay(sales, bands) : retroactivePay(sales, bands);
}

export interface TierPayout {
  band: number;
  lower: number;
  upper: number | null;
  rate: number;
  sales: number;
  commission: number;
}

export interface CurvePoint {
  /** Share of quota, 0–2. */
  attainment: number;
  progressive: number;
  retroactive: number;
}

export interface Cliff {
  /** Sales at the breakpoint. */
  at: number;
  payAt: number;
  /** Retroactive pay just past the breakpoint. */
  payAfter: number;
  jump: number;
}

export interface CommissionResults {
  attainment: number;
  tiers: TierPayout[];
  progressiveTotal: number;
  retroactiveTotal: number;
  /** Pay under the chosen mode. */
  commission: number;
  effectiveRate: number;
  marginalRate: number;
  /** Retroactive cliffs at each breakpoint (quota and the two above it). */
  cliffs: Cliff[];
  /** The next breakpoint above current sales, retroactive reading. */
  nextCliff: Cliff;
  teamTargetMet: boolean;
  teamAttainment: number;
  /** Bonus under each reading of the base (absent where the base is not given). */
  teamBonusReadings: Partial<Record<BonusBase, number>>;
  teamBonus: number;
  specialAwards: number;
  grandTotal: number;
  curve: CurvePoint[];
  /** Stacked bar: commission per tier (chosen mode) and the team bonus. */
  stack: { tiers: number[]; teamBonus: number };
}

const money = { kind: 'money', min: 0, max: 1e12 } as const;
const rate = { kind: 'percent', min: 0, max: 1 } as const;

const fields = {
  quota: money,
  actual: money,
  baseRate: rate,
  breakpoint1: { kind: 'percent', above: 1, max: 100 },
  breakpoint2: { kind: 'percent', above: 1, max: 100 },
  rate1: rate,
  rate2: rate,
  rate3: rate,
  mode: { kind: 'choice', options: commissionModes },
  teamTarget: money,
  teamActual: money,
  teamBonusRate: rate,
  teamBonusBase: { kind: 'choice', options: bonusBases },
  teamCommission: { ...money, optional: true },
  bonusPool: { ...money, optional: true },
  specialAwards: { ...money, optional: true },
} as const;

const base = {
  quota: '1000000', baseRate: '5', breakpoint1: '120', breakpoint2: '150', rate1: '8', rate2: '10', rate3: '12',
  mode: 'progressive', teamBonusRate: '10', teamBonusBase: 'commission',
};

/** Curve: 0–200% of quota in steps of this many percentage points. */
const CURVE_STEP = 2;
/** The seed's range for rates above quota. */
const SEED_RATE_LOW = 0.08;
const SEED_RATE_HIGH = 0.12;

export const tieredCommission = defineCalculator({
  id: 'C09.1',
  fields,
  defaults: { ...base, actual: '1150000', teamTarget: '5000000', teamActual: '4800000', teamCommission: '280000', bonusPool: '200000', specialAwards: '' },
  example: { ...base, actual: '1300000', teamTarget: '5000000', teamActual: '5400000', teamCommission: '320000', bonusPool: '200000', specialAwards: '' },
  compute(values) {
    const issues: Issue[] = [];
    const r: Partial<CommissionResults> = {};

    let bands: Band[] | undefined;
    const plan = need(values, 'quota', 'baseRate', 'breakpoint1', 'breakpoint2', 'rate1', 'rate2', 'rate3');
    if (plan) {
      if (round9(plan.quota) === 0) issues.push({ severity: 'error', field: 'quota', code: 'c09_1.zeroQuota' });
      else if (round9(plan.breakpoint2) <= round9(plan.breakpoint1)) issues.push({ severity: 'error', field: 'breakpoint2', code: 'c09_1.breakpointsOrder' });
      else bands = bandsFor(plan.quota, [plan.breakpoint1, plan.breakpoint2], [plan.baseRate, plan.rate1, plan.rate2, plan.rate3]);
      const above = [plan.rate1, plan.rate2, plan.rate3];
      if (above.some((x) => round9(x) < SEED_RATE_LOW || round9(x) > SEED_RATE_HIGH)) issues.push({ severity: 'info', field: 'rate1', code: 'c09_1.ratesOutsideRule' });
      if (above.some((x, k) => round9(x) < round9(k === 0 ? plan.baseRate : above[k - 1]!))) issues.push({ severity: 'warning', field: 'rate1', code: 'c09_1.ratesFall' });
    }

    const mode = values.mode;
    const sales = values.actual;
    if (bands && sales !== undefined && mode !== undefined) {
      const quota = plan!.quota;
      r.attainment = sales / quota;
      const inBands = salesInBands(sales, bands);
      const current = bandIndex(sales, bands);
      r.tiers = bands.map((b, k) => ({
        band: k, lower: b.lower, upper: b.upper, rate: b.rate, sales: inBands[k]!,
        // In retroactive mode the whole amount sits in the reached band.
        commission: mode === 'progressive' ? inBands[k]! * b.rate : k === current ? b.rate * sales : 0,
      }));
      r.progressiveTotal = progressivePay(sales, bands);
      r.retroactiveTotal = retroactivePay(sales, bands);
      r.commission = mode === 'progressive' ? r.progressiveTotal : r.retroactiveTotal;
      if (round9(sales) > 0) r.effectiveRate = r.commission / sales;
      else issues.push({ severity: 'info', field: 'actual', code: 'c09_1.noSales' });
      // The next unit of sales: at a limit it falls in the band above.
      const next = bands.findIndex((b) => b.upper === null || round9(sales) < round9(b.upper));
      r.marginalRate = bands[next === -1 ? bands.length - 1 : next]!.rate;

      r.cliffs = bands.slice(0, -1).map((b) => {
        const at = b.upper!;
        const payAt = b.rate * at;
        const payAfter = bands![bands!.indexOf(b) + 1]!.rate * at;
        return { at, payAt, payAfter, jump: payAfter - payAt };
      });
      const nextCliff = r.cliffs.find((c) => round9(c.at) >= round9(sales));
      if (nextCliff) r.nextCliff = nextCliff;
      if (mode === 'retroactive') {
        issues.push({ severity: 'warning', field: 'mode', code: 'c09_1.retroactiveCliff', params: { gap: { money: r.retroactiveTotal - r.progressiveTotal } } });
        const onLimit = r.cliffs.find((c) => round9(c.at) === round9(sales));
        if (onLimit && round9(onLimit.jump) > 0) issues.push({ severity: 'warning', field: 'actual', code: 'c09_1.onCliff', params: { jump: { money: onLimit.jump } } });
      }

      // Steps of 2 points of quota, plus each breakpoint twice (at it, and just past it) so the
      // retroactive cliff shows as a vertical jump; sort is stable, so "at" stays before "past".
      const limits = bands.slice(0, -1).map((b, k) => ({ share: b.upper! / quota, at: b.upper!, k })).filter((l) => round9(l.share) <= 2);
      const curve: CurvePoint[] = [];
      for (let pct = 0; pct <= 200; pct += CURVE_STEP) {
        const a = pct / 100;
        if (limits.some((l) => round9(l.share) === round9(a))) continue;
        curve.push({ attainment: a, progressive: progressivePay(a * quota, bands), retroactive: retroactivePay(a * quota, bands) });
      }
      for (const l of limits) {
        const progressive = progressivePay(l.at, bands);
        curve.push({ attainment: l.share, progressive, retroactive: bands[l.k]!.rate * l.at });
        curve.push({ attainment: l.share, progressive, retroactive: bands[l.k + 1]!.rate * l.at });
      }
      curve.sort((a, b) => round9(a.attainment) - round9(b.attainment));
      r.curve = curve;
    }

    // Team bonus.
    const team = need(values, 'teamTarget', 'teamActual', 'teamBonusRate', 'teamBonusBase');
    if (team) {
      r.teamTargetMet = round9(team.teamActual) >= round9(team.teamTarget);
      if (round9(team.teamTarget) > 0) r.teamAttainment = team.teamActual / team.teamTarget;
      else issues.push({ severity: 'warning', field: 'teamTarget', code: 'c09_1.zeroTeamTarget' });
      const readings: Partial<Record<BonusBase, number>> = { sales: team.teamBonusRate * team.teamActual };
      if (values.teamCommission != null) readings.commission = team.teamBonusRate * values.teamCommission;
      if (values.bonusPool != null) readings.pool = team.teamBonusRate * values.bonusPool;
      r.teamBonusReadings = readings;
      const chosen = readings[team.teamBonusBase];
      if (chosen === undefined) {
        issues.push({ severity: 'error', field: team.teamBonusBase === 'commission' ? 'teamCommission' : 'bonusPool', code: 'c09_1.needBonusBase' });
      } else {
        r.teamBonus = r.teamTargetMet ? chosen : 0;
        if (!r.teamTargetMet) issues.push({ severity: 'info', field: 'teamActual', code: 'c09_1.teamTargetMissed' });
      }
    }
    r.specialAwards = values.specialAwards ?? 0;
    if (r.commission !== undefined && r.teamBonus !== undefined) {
      r.grandTotal = r.commission + r.teamBonus + r.specialAwards;
      r.stack = { tiers: r.tiers!.map((t) => t.commission), teamBonus: r.teamBonus };
    }

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c09_1.tooExtreme' });
    return { results: r, issues };
  },
});
