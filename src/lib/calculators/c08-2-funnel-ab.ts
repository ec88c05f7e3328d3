/**
 * C08.2 Funnel, uplift and A/B sample size (methodology chapter 8.3, engine E2).
 *
 * Variant: step conversion n_{k+1}/n_k and overall n_last/n_first; the biggest drop-off is the step
 * with the lowest conversion. Stage alerts (a suggested rule; the seed only says "abnormal"): a
 * p-chart around the stage's baseline rate p̄ with n = the count entering the stage,
 * limits p̄ ± 3·√(p̄(1 − p̄)/n) clipped to 0–100%, alert when the observed rate is outside them.
 * A/B plan: E2 sample size per arm for baseline p₁ → p₁·(1 + target lift), two-sided α, power.
 * A/B result: Wilson 95% interval per arm, pooled two-proportion z-test (two-sided p), relative lift
 * p̂₂/p̂₁ − 1 with a 95% interval from the log ratio
 * exp(ln(p̂₂/p̂₁) ± 1.96·√((1 − p̂₁)/x₁ + (1 − p̂₂)/x₂)) − 1; "target lift reached?" is answered
 * twice, on the point estimate and on the interval's lower bound (≥, after rounding to 9 decimals).
 * Small samples (fewer than 10 conversions or non-conversions in an arm) get a warning instead of a
 * confident verdict.
 */
import { defineCalculator, dropNonFinite, need, round9, type Issue } from '../kit/calculator';
import { MAX_FIELD_LENGTH } from '../kit/fields';
import type { RawRow, RowRead } from '../kit/rows';
import { proportion, twoProportionTest } from './engines/proportions';
import { sampleSizePerArm } from './engines/sample-size';

/** z for the 95% intervals the methodology uses. */
const Z95 = 1.96;
/** Below this many conversions or non-conversions in an arm, the normal approximation is shaky. */
export const MIN_EVENTS_PER_ARM = 10;

export const funnelColumns = {
  stage: { kind: 'text', maxLength: MAX_FIELD_LENGTH, optional: true },
  count: { kind: 'count', min: 0, max: 1e13 },
  baselineRate: { kind: 'percent', min: 0, max: 1, optional: true },
} as const;
export type FunnelColumns = typeof funnelColumns;

export type StageAlert = 'low' | 'high' | null;

export interface FunnelStep {
  /** Row the step enters (k + 1); the step comes from row k. */
  row: number;
  fromRow: number;
  rate?: number;
  /** Share lost at this step, 1 − rate. */
  dropOff?: number;
  baseline?: number;
  lowerLimit?: number;
  upperLimit?: number;
  alert?: StageAlert;
}

export interface LogRatioLift {
  lift: number;
  low: number;
  high: number;
}

/** Relative lift p̂₂/p̂₁ − 1 with its 95% log-ratio interval; null when x₁ = 0 or x₂ = 0. */
export function relativeLift(x1: number, n1: number, x2: number, n2: number, z = Z95): LogRatioLift | null {
  if (!(x1 > 0 && x2 > 0 && n1 >= x1 && n2 >= x2)) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const logRatio = Math.log(p2 / p1);
  const se = Math.sqrt((1 - p1) / x1 + (1 - p2) / x2);
  return { lift: p2 / p1 - 1, low: Math.exp(logRatio - z * se) - 1, high: Math.exp(logRatio + z * se) - 1 };
}

/** p-chart limits p̄ ± 3·√(p̄(1 − p̄)/n), clipped to 0…1. */
export function pChartLimits(baseline: number, n: number): { lower: number; upper: number } {
  const half = 3 * Math.sqrt((baseline * (1 - baseline)) / n);
  return { lower: Math.max(0, baseline - half), upper: Math.min(1, baseline + half) };
}

export interface AbArm {
  n: number;
  conversions: number;
  rate: number;
  low: number;
  high: number;
}

export interface FunnelAbResults {
  steps: FunnelStep[];
  overall: number;
  /** Row of the step with the lowest conversion. */
  biggestDropRow: number;
  alerts: number;
  /** Funnel chart: count per stage. */
  funnel: { row: number; count: number }[];
  targetRate: number;
  samplePerArm: number;
  samplePerArmExact: number;
  control: AbArm;
  variant: AbArm;
  z: number;
  pValue: number;
  significant: boolean;
  lift: number;
  liftLow: number;
  liftHigh: number;
  reachedOnPoint: boolean;
  reachedOnBound: boolean;
}

const stage = (name: string, count: string, baselineRate: string): RawRow<FunnelColumns> => ({ stage: name, count, baselineRate });

/** Chapter 8 worked example: a month of site traffic. */
export const exampleFunnelRows: RawRow<FunnelColumns>[] = [
  stage('Visit', '20000', ''),
  stage('Product view', '8000', '40'),
  stage('Add to cart', '1600', '20'),
  stage('Checkout', '800', '50'),
  stage('Order', '600', '75'),
];

/** Illustrative day of traffic with baseline rates; add-to-cart runs below its usual rate. */
export const defaultFunnelRows: RawRow<FunnelColumns>[] = [
  stage('Visit', '5000', ''),
  stage('Product view', '2100', '40'),
  stage('Add to cart', '340', '20'),
  stage('Checkout', '180', '50'),
  stage('Order', '130', '75'),
];

export const blankFunnelRow = (): RawRow<FunnelColumns> => stage('', '', '');

const share = { kind: 'percent', min: 0, max: 1 } as const;
const optionalCount = { kind: 'count', min: 0, max: 1e13, optional: true } as const;

export const funnelAb = defineCalculator({
  id: 'C08.2',
  fields: {
    baselineConversion: share,
    targetLift: { kind: 'percent', above: 0, max: 100 },
    alpha: { kind: 'percent', above: 0, below: 1 },
    power: { kind: 'percent', above: 0, below: 1 },
    controlVisitors: optionalCount,
    controlConversions: optionalCount,
    variantVisitors: optionalCount,
    variantConversions: optionalCount,
  },
  defaults: {
    baselineConversion: '4', targetLift: '30', alpha: '5', power: '80',
    controlVisitors: '2000', controlConversions: '84', variantVisitors: '2000', variantConversions: '109',
  },
  example: {
    baselineConversion: '5', targetLift: '30', alpha: '5', power: '80',
    controlVisitors: '400', controlConversions: '120', variantVisitors: '400', variantConversions: '150',
  },
  table: { columns: funnelColumns, minRows: 2, maxRows: 50 },
  defaultRows: defaultFunnelRows,
  exampleRows: exampleFunnelRows,
  compute(values, rows: RowRead<FunnelColumns>[]) {
    const issues: Issue[] = [];
    const r: Partial<FunnelAbResults> = {};

    // Funnel.
    if (rows.length < 2) issues.push({ severity: 'error', code: 'c08_2.tooFewStages', params: { min: 2 } });
    const counts = rows.map((read) => read.values.count);
    r.funnel = counts.flatMap((count, row) => (count === undefined ? [] : [{ row, count }]));
    const steps: FunnelStep[] = [];
    let alerts = 0;
    for (let k = 1; k < rows.length; k++) {
      const step: FunnelStep = { row: k, fromRow: k - 1 };
      steps.push(step);
      const from = counts[k - 1];
      const to = counts[k];
      if (from === undefined || to === undefined) continue;
      if (from === 0) {
        issues.push({ severity: 'warning', row: k, column: 'count', code: 'c08_2.nobodyEntered' });
        continue;
      }
      if (to > from) issues.push({ severity: 'warning', row: k, column: 'count', code: 'c08_2.countRises' });
      step.rate = to / from;
      step.dropOff = 1 - step.rate;
      const baseline = rows[k]!.values.baselineRate;
      if (baseline != null) {
        const limits = pChartLimits(baseline, from);
        step.baseline = baseline;
        step.lowerLimit = limits.lower;
        step.upperLimit = limits.upper;
        const rate = round9(step.rate);
        step.alert = rate < round9(limits.lower) ? 'low' : rate > round9(limits.upper) ? 'high' : null;
        if (step.alert) {
          alerts++;
          issues.push({ severity: 'warning', row: k, code: step.alert === 'low' ? 'c08_2.alertLow' : 'c08_2.alertHigh', params: { rate: { percent: step.rate }, low: { percent: limits.lower }, high: { percent: limits.upper } } });
        }
      }
    }
    r.steps = steps;
    r.alerts = alerts;
    const first = counts[0];
    const last = counts[counts.length - 1];
    if (rows.length >= 2 && first !== undefined && last !== undefined) {
      if (first === 0) issues.push({ severity: 'warning', row: 0, column: 'count', code: 'c08_2.nobodyEntered' });
      else r.overall = last / first;
    }
    const rated = steps.filter((s) => s.rate !== undefined);
    if (rated.length > 0) r.biggestDropRow = rated.reduce((a, b) => (round9(b.rate!) < round9(a.rate!) ? b : a)).row;

    // A/B plan.
    const plan = need(values, 'baselineConversion', 'targetLift', 'alpha', 'power');
    if (plan) {
      const target = plan.baselineConversion * (1 + plan.targetLift);
      if (round9(target) > 1) {
        issues.push({ severity: 'error', field: 'targetLift', code: 'c08_2.targetAbove100' });
      } else if (round9(plan.baselineConversion) === 0) {
        issues.push({ severity: 'error', field: 'baselineConversion', code: 'c08_2.zeroBaseline' });
      } else {
        r.targetRate = target;
        const size = sampleSizePerArm(plan.baselineConversion, target, plan.alpha, plan.power);
        if (size.ok) {
          r.samplePerArm = size.perArm;
          r.samplePerArmExact = size.exact;
        } else {
          issues.push({ severity: 'error', field: 'targetLift', code: 'c08_2.noSampleSize' });
        }
      }
    }

    // A/B result.
    const ab = need(values, 'controlVisitors', 'controlConversions', 'variantVisitors', 'variantConversions');
    const abFields = [values.controlVisitors, values.controlConversions, values.variantVisitors, values.variantConversions];
    if (!ab && abFields.some((x) => x != null)) issues.push({ severity: 'info', code: 'c08_2.abIncomplete' });
    if (ab) {
      const { controlVisitors: n1, controlConversions: x1, variantVisitors: n2, variantConversions: x2 } = ab;
      let armsOk = true;
      for (const [n, x, field] of [[n1, x1, 'controlConversions'], [n2, x2, 'variantConversions']] as const) {
        if (n === 0) {
          issues.push({ severity: 'error', field: field === 'controlConversions' ? 'controlVisitors' : 'variantVisitors', code: 'c08_2.zeroVisitors' });
          armsOk = false;
        } else if (x > n) {
          issues.push({ severity: 'error', field, code: 'c08_2.conversionsAboveVisitors' });
          armsOk = false;
        }
      }
      if (armsOk) {
        const c = proportion(x1, n1, Z95);
        const v = proportion(x2, n2, Z95);
        if (c.ok && v.ok) {
          r.control = { n: n1, conversions: x1, rate: c.rate, low: c.low, high: c.high };
          r.variant = { n: n2, conversions: x2, rate: v.rate, low: v.low, high: v.high };
        }
        const small = Math.min(x1, n1 - x1, x2, n2 - x2) < MIN_EVENTS_PER_ARM;
        if (small) issues.push({ severity: 'warning', code: 'c08_2.smallSample', params: { min: MIN_EVENTS_PER_ARM } });
        const test = twoProportionTest(x1, n1, x2, n2);
        if (test.ok) {
          r.z = test.z;
          r.pValue = test.pValue;
          if (values.alpha != null) r.significant = round9(test.pValue) <= round9(values.alpha);
        } else {
          issues.push({ severity: 'warning', code: 'c08_2.testDegenerate' });
        }
        const lift = relativeLift(x1, n1, x2, n2);
        if (lift) {
          r.lift = lift.lift;
          r.liftLow = lift.low;
          r.liftHigh = lift.high;
          if (values.targetLift != null) {
            r.reachedOnPoint = round9(lift.lift) >= round9(values.targetLift);
            r.reachedOnBound = round9(lift.low) >= round9(values.targetLift);
            if (small) issues.push({ severity: 'warning', code: 'c08_2.verdictTentative' });
          }
        } else {
          issues.push({ severity: 'warning', code: 'c08_2.noLiftInterval' });
        }
      }
    }

    if (dropNonFinite(r).length) issues.push({ severity: 'warning', code: 'c08_2.tooExtreme' });
    return { results: r, issues };
  },
});
