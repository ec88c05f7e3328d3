/**
 * C09.2 KPI weighted scorecard with 360° feedback (methodology chapter 9.2).
 *
 * Variant: attainment = actual ÷ target (higher is better; target must be above 0) or target ÷ actual
 * (lower is better; an actual of 0 or less scores the cap); an indicator with a floor (e.g. NPS,
 * which can be 0 or negative) scores (actual − floor) ÷ (target − floor), target above the floor.
 * Every attainment is clamped to 0…cap. Points = weight × attainment × 100, so a full scorecard at
 * 100% attainment scores 100. 360° composite = Σ v·rating ÷ Σ v over manager, peers and customers.
 * Rule checks (the seed's): weights add up to 100%, hard ≥ 70%, soft within 20%–30% inclusive.
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';
import { MAX_FIELD_LENGTH } from '../kit/fields';
import type { RawRow, RowRead } from '../kit/rows';
import { setFinite } from './engines/ranking';
import { weightedScore } from './engines/weighted-score';

export const indicatorTypes = ['hard', 'soft'] as const;
export type IndicatorType = (typeof indicatorTypes)[number];
export const directions = ['higher', 'lower'] as const;
export type Direction = (typeof directions)[number];
export const ruleNames = ['weightsTotal', 'hardMinimum', 'softRange'] as const;
export type RuleName = (typeof ruleNames)[number];

export const indicatorColumns = {
  name: { kind: 'text', maxLength: MAX_FIELD_LENGTH, optional: true },
  type: { kind: 'choice', options: indicatorTypes },
  weight: { kind: 'percent', min: 0, max: 1 },
  target: { kind: 'number', min: -1e12, max: 1e12 },
  actual: { kind: 'number', min: -1e12, max: 1e12 },
  direction: { kind: 'choice', options: directions },
  floor: { kind: 'number', min: -1e12, max: 1e12, optional: true },
} as const;
export type IndicatorColumns = typeof indicatorColumns;

export type AttainmentGuard = 'targetNotPositive' | 'targetNotAboveFloor' | 'floorWithLower';

/** Raw attainment before clamping, or the guard that stops it. */
export function rawAttainment(direction: Direction, target: number, actual: number, floor: number | null, cap: number): { ok: true; value: number } | { ok: false; guard: AttainmentGuard } {
  if (floor !== null) {
    if (direction === 'lower') return { ok: false, guard: 'floorWithLower' };
    if (!(round9(target) > round9(floor))) return { ok: false, guard: 'targetNotAboveFloor' };
    return { ok: true, value: (actual - floor) / (target - floor) };
  }
  if (direction === 'higher') {
    if (!(round9(target) > 0)) return { ok: false, guard: 'targetNotPositive' };
    return { ok: true, value: actual / target };
  }
  if (!(round9(target) > 0)) return { ok: false, guard: 'targetNotPositive' };
  if (round9(actual) <= 0) return { ok: true, value: cap };
  return { ok: true, value: target / actual };
}

export interface IndicatorResult {
  row: number;
  name: string;
  type?: IndicatorType;
  weight?: number;
  /** Before the clamp. */
  rawAttainment?: number;
  /** Clamped to 0…cap. */
  attainment?: number;
  capped?: boolean;
  points?: number;
}

export interface RuleCheck {
  rule: RuleName;
  value: number;
  pass: boolean;
}

export interface KpiScorecardResults {
  indicators: IndicatorResult[];
  weightTotal: number;
  hardWeight: number;
  softWeight: number;
  hardPoints: number;
  softPoints: number;
  total: number;
  rules: RuleCheck[];
  composite360: number;
  /** Radar: clamped attainment per indicator. */
  radar: { row: number; attainment: number }[];
}

const row = (name: string, type: IndicatorType, weight: string, target: string, actual: string, direction: Direction, floor: string): RawRow<IndicatorColumns> =>
  ({ name, type, weight, target, actual, direction, floor });

/** Chapter 9 worked example. */
export const exampleIndicatorRows: RawRow<IndicatorColumns>[] = [
  row('Revenue', 'hard', '40', '1000000', '1100000', 'higher', ''),
  row('Cash-collection rate', 'hard', '15', '95', '90', 'higher', ''),
  row('New-customer share', 'hard', '15', '20', '18', 'higher', ''),
  row('Customer NPS', 'soft', '15', '50', '40', 'higher', '0'),
  row('Teamwork (peer rating, 1–5)', 'soft', '15', '4', '4.2', 'higher', ''),
];

/** Illustrative starting card, with a lower-is-better indicator. */
export const defaultIndicatorRows: RawRow<IndicatorColumns>[] = [
  row('Revenue', 'hard', '35', '800000', '760000', 'higher', ''),
  row('Cash-collection rate', 'hard', '20', '95', '97', 'higher', ''),
  row('Days sales outstanding', 'hard', '15', '45', '50', 'lower', ''),
  row('Customer NPS', 'soft', '15', '40', '35', 'higher', '-20'),
  row('Teamwork (peer rating, 1–5)', 'soft', '15', '4', '3.8', 'higher', ''),
];

export const blankIndicatorRow = (): RawRow<IndicatorColumns> => row('', 'hard', '', '', '', 'higher', '');

const share = { kind: 'percent', min: 0, max: 1 } as const;
const rating = { kind: 'number', min: 1, max: 5 } as const;

const fields = {
  cap: { kind: 'percent', above: 0, max: 10 },
  hardMinimum: share,
  softLow: share,
  softHigh: share,
  managerWeight: share,
  peerWeight: share,
  customerWeight: share,
  managerRating: rating,
  peerRating: rating,
  customerRating: rating,
} as const;

const rules = { cap: '120', hardMinimum: '70', softLow: '20', softHigh: '30', managerWeight: '50', peerWeight: '25', customerWeight: '25' };

export const kpiScorecard = defineCalculator({
  id: 'C09.2',
  fields,
  defaults: { ...rules, managerRating: '3.5', peerRating: '4', customerRating: '4' },
  example: { ...rules, managerRating: '4', peerRating: '3.5', customerRating: '4.5' },
  table: { columns: indicatorColumns, minRows: 1, maxRows: 200 },
  defaultRows: defaultIndicatorRows,
  exampleRows: exampleIndicatorRows,
  compute(values, rows: RowRead<IndicatorColumns>[]) {
    const issues: Issue[] = [];
    const r: Partial<KpiScorecardResults> = {};
    if (rows.length === 0) issues.push({ severity: 'error', code: 'c09_2.noIndicators' });
    const cap = values.cap;

    let weightTotal = 0;
    let hardWeight = 0;
    let softWeight = 0;
    let hardPoints = 0;
    let softPoints = 0;
    let allScored = rows.length > 0 && cap !== undefined;
    let allWeighted = rows.length > 0;
    const indicators: IndicatorResult[] = rows.map((read, i) => {
      const v = read.values;
      const ind: IndicatorResult = { row: i, name: v.name ?? '' };
      if (v.type !== undefined) ind.type = v.type;
      if (v.weight !== undefined) ind.weight = v.weight;
      if (v.weight !== undefined && v.type !== undefined) {
        weightTotal += v.weight;
        if (v.type === 'hard') hardWeight += v.weight;
        else softWeight += v.weight;
      } else {
        allWeighted = false;
      }
      if (v.target === undefined || v.actual === undefined || v.direction === undefined || v.floor === undefined || cap === undefined) {
        if (Object.keys(read.errors).length > 0) issues.push({ severity: 'warning', row: i, code: 'c09_2.rowIncomplete' });
        allScored = false;
        return ind;
      }
      const att = rawAttainment(v.direction, v.target, v.actual, v.floor, cap);
      if (!att.ok) {
        issues.push({ severity: 'error', row: i, column: att.guard === 'targetNotAboveFloor' ? 'floor' : att.guard === 'floorWithLower' ? 'floor' : 'target', code: `c09_2.${att.guard}` });
        allScored = false;
        return ind;
      }
      if (!setFinite(ind, 'rawAttainment', att.value)) {
        allScored = false;
        return ind;
      }
      ind.attainment = Math.min(cap, Math.max(0, att.value));
      ind.capped = round9(att.value) > round9(cap);
      if (v.weight !== undefined && v.type !== undefined) {
        ind.points = 100 * v.weight * ind.attainment;
        if (v.type === 'hard') hardPoints += ind.points;
        else softPoints += ind.points;
      } else {
        allScored = false;
      }
      return ind;
    });
    r.indicators = indicators;
    r.radar = indicators.filter((x) => x.attainment !== undefined).map((x) => ({ row: x.row, attainment: x.attainment! }));

    if (allWeighted) {
      r.weightTotal = weightTotal;
      r.hardWeight = hardWeight;
      r.softWeight = softWeight;
      const checks = need(values, 'hardMinimum', 'softLow', 'softHigh');
      if (checks) {
        if (round9(checks.softLow) > round9(checks.softHigh)) issues.push({ severity: 'warning', field: 'softHigh', code: 'c09_2.softRangeOrder' });
        r.rules = [
          { rule: 'weightsTotal', value: weightTotal, pass: round9(weightTotal) === 1 },
          { rule: 'hardMinimum', value: hardWeight, pass: round9(hardWeight) >= round9(checks.hardMinimum) },
          { rule: 'softRange', value: softWeight, pass: round9(softWeight) >= round9(checks.softLow) && round9(softWeight) <= round9(checks.softHigh) },
        ];
        for (const check of r.rules) if (!check.pass) issues.push({ severity: 'warning', code: `c09_2.rule.${check.rule}`, params: { value: { percent: check.value } } });
      }
    }
    if (allScored && allWeighted) {
      r.hardPoints = hardPoints;
      r.softPoints = softPoints;
      r.total = hardPoints + softPoints;
    }

    const raters = need(values, 'managerWeight', 'peerWeight', 'customerWeight', 'managerRating', 'peerRating', 'customerRating');
    if (raters) {
      const composite = weightedScore(
        [raters.managerRating, raters.peerRating, raters.customerRating],
        [raters.managerWeight, raters.peerWeight, raters.customerWeight],
      );
      if (composite === null) issues.push({ severity: 'error', field: 'managerWeight', code: 'c09_2.raterWeightsZero' });
      else r.composite360 = composite;
    }

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c09_2.tooExtreme' });
    return { results: r, issues };
  },
});
