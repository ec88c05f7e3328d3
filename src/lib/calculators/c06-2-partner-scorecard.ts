/**
 * C06.2 Partner scorecard and tiered rebate (methodology chapter 6.2).
 *
 * Variant: the four criteria (annual turnover, outlets, certified-staff share: higher is better;
 * after-sales response hours: lower is better) are min–max rescaled across the partners onto 1–5
 * (E1; all equal → 3); the E1 weighted score S maps to 0–100 as 25·(S − 1). Rebate: the seed's
 * "commission rises by 5% once the target is exceeded" is ambiguous twice, so both readings are
 * choices: the uplift as percentage points (+5 pp, default) or a factor (×1.05), paid on the
 * excess only (default) or on all sales once the target is exceeded (strictly above). Every
 * partner also gets the payout under all four readings. Action band: attainment strictly below a
 * cut-off reaches it; the most severe band reached applies (removal review → resource shift →
 * training).
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';
import { MAX_FIELD_LENGTH } from '../kit/fields';
import type { RawRow, RowRead } from '../kit/rows';
import { competitionRanks, setFinite } from './engines/ranking';
import { minMaxRescale, weightedScore } from './engines/weighted-score';

export const upliftModes = ['points', 'factor'] as const;
export type UpliftMode = (typeof upliftModes)[number];
export const upliftBases = ['excess', 'allSales'] as const;
export type UpliftBase = (typeof upliftBases)[number];
export const partnerCriteria = ['turnover', 'outlets', 'certified', 'response'] as const;
export type PartnerCriterion = (typeof partnerCriteria)[number];
export type ActionBand = 'none' | 'training' | 'resourceShift' | 'removal';

const MAX_MONEY = 1e12;
const money = { kind: 'money', min: 0, max: MAX_MONEY } as const;

export const partnerColumns = {
  name: { kind: 'text', maxLength: MAX_FIELD_LENGTH, optional: true },
  turnover: money,
  outlets: { kind: 'count', min: 0, max: 1e9 },
  certified: { kind: 'percent', min: 0, max: 1 },
  response: { kind: 'number', min: 0, max: 1e6 },
  target: money,
  actual: money,
  newCustomers: { kind: 'count', min: 0, max: 1e9, optional: true },
} as const;
export type PartnerColumns = typeof partnerColumns;

/** `rate_up = base + uplift` (points) or `base × (1 + uplift)` (factor). */
export function upliftRate(base: number, uplift: number, mode: UpliftMode): number {
  return mode === 'points' ? base + uplift : base * (1 + uplift);
}

/**
 * Excess only: `base·min(actual, target) + rate_up·max(0, actual − target)`.
 * All sales: `rate_up·actual` when actual > target, else `base·actual`.
 */
export function rebatePayout(actual: number, target: number, base: number, rateUp: number, on: UpliftBase): number {
  if (on === 'excess') return base * Math.min(actual, target) + rateUp * Math.max(0, actual - target);
  return round9(actual) > round9(target) ? rateUp * actual : base * actual;
}

/** The most severe band whose cut-off the attainment is strictly below. */
export function actionBand(attainment: number, training: number, resourceShift: number, removal: number): ActionBand {
  const a = round9(attainment);
  if (a < round9(removal)) return 'removal';
  if (a < round9(resourceShift)) return 'resourceShift';
  if (a < round9(training)) return 'training';
  return 'none';
}

export interface PartnerResult {
  row: number;
  name: string;
  /** 1–5 score per criterion (E1 rescale across the partners). */
  scores: Partial<Record<PartnerCriterion, number>>;
  weightedScore?: number;
  /** 25·(S − 1), 0–100. */
  partnerScore?: number;
  rank?: number;
  attainment?: number;
  rateAbove?: number;
  payout?: number;
  /** Payout under each reading: points/factor × excess/all sales. */
  readings?: Record<`${UpliftMode}-${UpliftBase}`, number>;
  band?: ActionBand;
  newCustomers?: number;
}

export interface PartnerScorecardResults {
  partners: PartnerResult[];
  /** Rows best first by partner score. */
  ranking: number[];
  /** Average 1–5 score per criterion across the partners (radar reference). */
  averageScores: Partial<Record<PartnerCriterion, number>>;
  totalPayout: number;
  bandCounts: Record<ActionBand, number>;
}

const row = (name: string, turnover: string, outlets: string, certified: string, response: string, target: string, actual: string, newCustomers: string): RawRow<PartnerColumns> =>
  ({ name, turnover, outlets, certified, response, target, actual, newCustomers });

/** Chapter 6 worked example: partners A, B, C. */
export const examplePartnerRows: RawRow<PartnerColumns>[] = [
  row('A', '50000000', '120', '60', '24', '10000000', '12000000', ''),
  row('B', '30000000', '200', '40', '12', '8000000', '6200000', ''),
  row('C', '10000000', '60', '80', '48', '5000000', '2900000', ''),
];

/** Illustrative starting partners. */
export const defaultPartnerRows: RawRow<PartnerColumns>[] = [
  row('North distributor', '40000000', '150', '50', '24', '9000000', '9900000', '45'),
  row('East distributor', '25000000', '90', '70', '36', '6000000', '4500000', '20'),
  row('South agent', '15000000', '60', '30', '18', '4000000', '3500000', '12'),
  row('West agent', '8000000', '40', '60', '48', '3000000', '1700000', '5'),
];

export const blankPartnerRow = (): RawRow<PartnerColumns> => row('', '', '', '', '', '', '', '');

const share = { kind: 'percent', min: 0, max: 1 } as const;
const fields = {
  weightTurnover: share,
  weightOutlets: share,
  weightCertified: share,
  weightResponse: share,
  baseRate: share,
  uplift: { kind: 'percent', min: 0, max: 10 },
  upliftMode: { kind: 'choice', options: upliftModes },
  upliftBase: { kind: 'choice', options: upliftBases },
  trainingBelow: { kind: 'percent', min: 0, max: 10 },
  resourceShiftBelow: { kind: 'percent', min: 0, max: 10 },
  removalBelow: { kind: 'percent', min: 0, max: 10 },
} as const;

const defaults = {
  weightTurnover: '25', weightOutlets: '25', weightCertified: '25', weightResponse: '25',
  baseRate: '3', uplift: '5', upliftMode: 'points', upliftBase: 'excess',
  trainingBelow: '80', resourceShiftBelow: '70', removalBelow: '60',
};

const weightKey: Record<PartnerCriterion, keyof typeof fields> = {
  turnover: 'weightTurnover', outlets: 'weightOutlets', certified: 'weightCertified', response: 'weightResponse',
};

export const partnerScorecard = defineCalculator({
  id: 'C06.2',
  fields,
  defaults,
  example: { ...defaults },
  table: { columns: partnerColumns, minRows: 1, maxRows: 200 },
  defaultRows: defaultPartnerRows,
  exampleRows: examplePartnerRows,
  compute(values, rows: RowRead<PartnerColumns>[]) {
    const issues: Issue[] = [];
    const r: Partial<PartnerScorecardResults> = {};
    if (rows.length === 0) issues.push({ severity: 'error', code: 'c06_2.noPartners' });
    if (rows.length === 1) issues.push({ severity: 'info', code: 'c06_2.onePartner' });

    const partners: PartnerResult[] = rows.map((read, i) => {
      const p: PartnerResult = { row: i, name: read.values.name ?? '', scores: {} };
      if (read.values.newCustomers != null) p.newCustomers = read.values.newCustomers;
      if (Object.keys(read.errors).length > 0) issues.push({ severity: 'warning', row: i, code: 'c06_2.rowIncomplete' });
      return p;
    });

    // E1 rescale of each criterion across the partners that have it.
    for (const c of partnerCriteria) {
      const present = rows.map((read) => read.values[c]).filter((x): x is number => x !== undefined);
      if (present.length === 0) continue;
      const min = Math.min(...present);
      const max = Math.max(...present);
      rows.forEach((read, i) => {
        const x = read.values[c];
        if (x !== undefined) partners[i]!.scores[c] = minMaxRescale(x, min, max, c !== 'response');
      });
    }
    const averageScores: Partial<Record<PartnerCriterion, number>> = {};
    for (const c of partnerCriteria) {
      const xs = partners.map((p) => p.scores[c]).filter((x): x is number => x !== undefined);
      if (xs.length) averageScores[c] = xs.reduce((a, b) => a + b, 0) / xs.length;
    }
    r.averageScores = averageScores;

    const w = need(values, 'weightTurnover', 'weightOutlets', 'weightCertified', 'weightResponse');
    if (w) {
      const weights = partnerCriteria.map((c) => w[weightKey[c] as 'weightTurnover']);
      if (round9(weights.reduce((a, b) => a + b, 0)) === 0) {
        issues.push({ severity: 'error', field: 'weightTurnover', code: 'c06_2.weightsZero' });
      } else {
        for (const p of partners) {
          if (partnerCriteria.some((c) => p.scores[c] === undefined)) continue;
          const s = weightedScore(partnerCriteria.map((c) => p.scores[c]!), weights);
          if (s !== null) {
            p.weightedScore = s;
            p.partnerScore = 25 * (s - 1);
          }
        }
      }
    }
    const ranks = competitionRanks(partners.map((p) => p.partnerScore));
    partners.forEach((p, i) => {
      const rank = ranks.rank[i];
      if (rank !== undefined) p.rank = rank;
    });
    r.ranking = ranks.order;

    // Attainment, rebate and action band.
    const rebate = need(values, 'baseRate', 'uplift', 'upliftMode', 'upliftBase');
    const cuts = need(values, 'trainingBelow', 'resourceShiftBelow', 'removalBelow');
    if (cuts && !(round9(cuts.removalBelow) <= round9(cuts.resourceShiftBelow) && round9(cuts.resourceShiftBelow) <= round9(cuts.trainingBelow))) {
      issues.push({ severity: 'warning', field: 'removalBelow', code: 'c06_2.cutoffOrder' });
    }
    let totalPayout = 0;
    let paid = 0;
    const bandCounts: Record<ActionBand, number> = { none: 0, training: 0, resourceShift: 0, removal: 0 };
    rows.forEach((read, i) => {
      const p = partners[i]!;
      const { target, actual } = read.values;
      if (target === undefined || actual === undefined) return;
      if (round9(target) === 0) issues.push({ severity: 'warning', row: i, column: 'target', code: 'c06_2.zeroTarget' });
      else if (setFinite(p, 'attainment', actual / target) && cuts) {
        p.band = actionBand(p.attainment!, cuts.trainingBelow, cuts.resourceShiftBelow, cuts.removalBelow);
        bandCounts[p.band]++;
      }
      if (rebate) {
        const rateUp = upliftRate(rebate.baseRate, rebate.uplift, rebate.upliftMode);
        p.rateAbove = rateUp;
        if (setFinite(p, 'payout', rebatePayout(actual, target, rebate.baseRate, rateUp, rebate.upliftBase))) {
          totalPayout += p.payout!;
          paid++;
        }
        const readings = {} as Record<`${UpliftMode}-${UpliftBase}`, number>;
        for (const mode of upliftModes) {
          for (const on of upliftBases) readings[`${mode}-${on}`] = rebatePayout(actual, target, rebate.baseRate, upliftRate(rebate.baseRate, rebate.uplift, mode), on);
        }
        p.readings = readings;
      }
    });
    r.partners = partners;
    if (paid > 0) r.totalPayout = totalPayout;
    if (cuts) r.bandCounts = bandCounts;
    if (rebate && rebate.upliftBase === 'allSales') issues.push({ severity: 'info', field: 'upliftBase', code: 'c06_2.allSalesCliff' });

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c06_2.tooExtreme' });
    return { results: r, issues };
  },
});
