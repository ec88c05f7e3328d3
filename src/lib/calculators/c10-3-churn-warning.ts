/**
 * C10.3 Twelve-indicator churn early-warning score with the three-level win-back step
 * (methodology chapter 10.2).
 *
 * Variant: an indicator is flagged when its value passes its alert threshold in the bad direction
 * (E7 band classifier: higher is worse at `value ≥ threshold`, lower is worse at
 * `value < threshold`). Points model: `score = 100 · Σ wᵢ·flagᵢ / Σ wᵢ`. Logistic model (when a
 * fitted model exists): `p = 1 / (1 + e^−(β₀ + Σ βᵢ·xᵢ))` on the raw values, score `= 100·p`.
 * Risk band from the score through E7: low below 40, medium from 40, high from 70 (illustrative).
 *
 * Band → win-back step (escalate only if the previous level fails):
 * - low: no win-back step; keep monitoring;
 * - medium: level 1, customer-service call, standard urgency;
 * - high: level 1, customer-service call, urgent;
 * - once level k has been tried and failed, the next step is level k + 1 (business manager, then
 *   senior executive) whatever the band; after level 3 fails the win-back is exhausted.
 * The band sets the urgency, never the starting level.
 */
import { defineCalculator, dropNonFinite, round9, type Issue } from '../kit/calculator';
import type { RawRow } from '../kit/rows';
import { classifyBand, type BandScale } from './engines/bands';

export const churnMethods = ['points', 'logistic'] as const;
export type ChurnMethod = (typeof churnMethods)[number];
export const worseDirections = ['higherIsWorse', 'lowerIsWorse'] as const;
export type WorseDirection = (typeof worseDirections)[number];
export const churnBands = ['low', 'medium', 'high'] as const;
export type ChurnBand = (typeof churnBands)[number];
/** The win-back level already tried without success. */
export const failedLevels = ['none', 'level1', 'level2', 'level3'] as const;
export type FailedLevel = (typeof failedLevels)[number];
export type WinBackStep = 'monitor' | 'serviceCall' | 'businessManager' | 'executive' | 'exhausted';
export type Urgency = 'none' | 'standard' | 'urgent';

/** The playbook's model has twelve indicators. */
export const SEED_INDICATOR_COUNT = 12;

const value = { kind: 'number', min: -1e12, max: 1e12 } as const;

export const churnColumns = {
  name: { kind: 'text', maxLength: 64, optional: true },
  value,
  threshold: value,
  direction: { kind: 'choice', options: worseDirections },
  weight: { kind: 'number', min: 0, max: 1e6 },
  beta: { kind: 'number', min: -1e6, max: 1e6, optional: true },
} as const;
export type ChurnColumns = typeof churnColumns;

export interface IndicatorScore {
  /** 0-based table row. */
  row: number;
  flagged: boolean;
  /** Points model: 100·wᵢ·flagᵢ/Σw. */
  points?: number;
  /** Logistic model: βᵢ·xᵢ (log-odds). */
  logOdds?: number;
}

export interface ChurnResults {
  indicators: IndicatorScore[];
  flaggedCount: number;
  indicatorCount: number;
  /** 0–100: points, or 100 × probability. */
  score: number;
  probability: number;
  band: ChurnBand;
  step: WinBackStep;
  /** 1–3 for a win-back level, 0 for monitor, 4 when exhausted. */
  stepLevel: number;
  urgency: Urgency;
  /** Horizontal bars: each indicator's contribution (points or log-odds). */
  contributions: { row: number; value: number }[];
}

const stepNames: WinBackStep[] = ['monitor', 'serviceCall', 'businessManager', 'executive', 'exhausted'];

/** The next win-back step: low risk monitors; otherwise one level above the last failed one. */
export function winBackStep(band: ChurnBand, failed: FailedLevel): { step: WinBackStep; stepLevel: number; urgency: Urgency } {
  const urgency: Urgency = band === 'high' ? 'urgent' : band === 'medium' ? 'standard' : 'none';
  const tried = failedLevels.indexOf(failed);
  if (band === 'low' && tried === 0) return { step: 'monitor', stepLevel: 0, urgency };
  const stepLevel = tried + 1;
  return { step: stepNames[stepLevel]!, stepLevel, urgency };
}

/** 1/(1 + e^−z) without overflow for large |z|. */
export function logistic(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export function blankChurnRow(): RawRow<ChurnColumns> {
  return { name: '', value: '', threshold: '', direction: 'higherIsWorse', weight: '1', beta: '' };
}

const ind = (name: string, v: string, threshold: string, direction: WorseDirection): RawRow<ChurnColumns> =>
  ({ name, value: v, threshold, direction, weight: '1', beta: '' });

/** Chapter 10's customer G; yes/no indicators are typed 1/0. */
export const exampleChurnRows: RawRow<ChurnColumns>[] = [
  ind('Login frequency vs last quarter (%)', '-45', '-30', 'lowerIsWorse'),
  ind('Complaints, last 90 days', '4', '3', 'higherIsWorse'),
  ind('Order frequency vs last quarter (%)', '-25', '-20', 'lowerIsWorse'),
  ind('Spend vs last year (%)', '-23.1', '-20', 'lowerIsWorse'),
  ind('Days since last order', '75', '60', 'higherIsWorse'),
  ind('Open support tickets', '2', '5', 'higherIsWorse'),
  ind('NPS change (points)', '-20', '-15', 'lowerIsWorse'),
  ind('Late payments, last 90 days', '1', '2', 'higherIsWorse'),
  ind('Feature usage vs last quarter (%)', '-10', '-25', 'lowerIsWorse'),
  ind('Active contacts', '1', '2', 'lowerIsWorse'),
  ind('Contract renewal within 90 days (1 = yes)', '1', '1', 'higherIsWorse'),
  ind('Competitor-quote signals', '0', '1', 'higherIsWorse'),
];

const defaultChurnRows: RawRow<ChurnColumns>[] = exampleChurnRows.map((row, i) =>
  ({ ...row, value: ['-10', '1', '-5', '2', '20', '1', '0', '0', '5', '3', '0', '0'][i]! }));

export const churnWarning = defineCalculator({
  id: 'C10.3',
  fields: {
    method: { kind: 'choice', options: churnMethods },
    intercept: { kind: 'number', min: -1e6, max: 1e6, optional: true },
    mediumFrom: { kind: 'number', min: 0, max: 100 },
    highFrom: { kind: 'number', min: 0, max: 100 },
    failedLevel: { kind: 'choice', options: failedLevels },
  },
  defaults: { method: 'points', intercept: '', mediumFrom: '40', highFrom: '70', failedLevel: 'none' },
  example: { method: 'points', intercept: '', mediumFrom: '40', highFrom: '70', failedLevel: 'none' },
  table: { columns: churnColumns, minRows: 1, maxRows: 200 },
  defaultRows: defaultChurnRows,
  exampleRows: exampleChurnRows,
  compute(values, rows) {
    const r: Partial<ChurnResults> = {};
    const issues: Issue[] = [];

    const indicators: (IndicatorScore & { weight: number; x: number; beta: number | null })[] = [];
    rows.forEach((read, i) => {
      const v = read.values;
      if (v.value === undefined || v.threshold === undefined || v.direction === undefined || v.weight === undefined || v.beta === undefined) {
        issues.push({ severity: 'warning', row: i, code: 'c10_3.rowExcluded' });
        return;
      }
      const scale: BandScale<'clear' | 'flag'> = { direction: v.direction, bands: ['clear', 'flag'], thresholds: [v.threshold] };
      const band = classifyBand(v.value, scale);
      if (!band.ok) return;
      indicators.push({ row: i, flagged: band.band === 'flag', weight: v.weight, x: v.value, beta: v.beta });
    });
    r.indicatorCount = indicators.length;
    r.flaggedCount = indicators.filter((x) => x.flagged).length;
    if (indicators.length === 0) {
      issues.push({ severity: 'error', code: 'c10_3.noIndicators' });
      return { results: r, issues };
    }
    if (indicators.length !== SEED_INDICATOR_COUNT) issues.push({ severity: 'info', code: 'c10_3.notTwelve', params: { count: indicators.length } });

    if (values.method === 'points') {
      const total = indicators.reduce((s, x) => s + x.weight, 0);
      if (round9(total) === 0) {
        issues.push({ severity: 'error', code: 'c10_3.weightsZero' });
      } else {
        for (const x of indicators) x.points = (100 * x.weight * (x.flagged ? 1 : 0)) / total;
        r.score = indicators.reduce((s, x) => s + x.points!, 0);
        r.contributions = indicators.map((x) => ({ row: x.row, value: x.points! }));
      }
    } else if (values.method === 'logistic') {
      if (values.intercept == null) issues.push({ severity: 'warning', field: 'intercept', code: 'c10_3.noIntercept' });
      const missing = indicators.filter((x) => x.beta === null);
      if (missing.length > 0) issues.push({ severity: 'warning', code: 'c10_3.missingBeta', params: { count: missing.length } });
      let z = values.intercept ?? 0;
      for (const x of indicators) {
        x.logOdds = (x.beta ?? 0) * x.x;
        z += x.logOdds;
      }
      if (Number.isFinite(z)) {
        r.probability = logistic(z);
        r.score = 100 * r.probability;
        r.contributions = indicators.map((x) => ({ row: x.row, value: x.logOdds! }));
      } else {
        issues.push({ severity: 'warning', code: 'c10_3.tooExtreme' });
      }
    }

    r.indicators = indicators.map(({ row, flagged, points, logOdds }) => {
      const out: IndicatorScore = { row, flagged };
      if (points !== undefined) out.points = points;
      if (logOdds !== undefined) out.logOdds = logOdds;
      return out;
    });

    const cuts = values.mediumFrom != null && values.highFrom != null;
    if (cuts && round9(values.mediumFrom!) > round9(values.highFrom!)) {
      issues.push({ severity: 'error', field: 'highFrom', code: 'c10_3.bandsOrder' });
    } else if (cuts && r.score !== undefined) {
      const band = classifyBand(r.score, { direction: 'higherIsWorse', bands: churnBands, thresholds: [values.mediumFrom!, values.highFrom!] });
      if (band.ok) {
        r.band = band.band;
        if (values.failedLevel !== undefined) Object.assign(r, winBackStep(band.band, values.failedLevel));
      }
    }
    if (r.step === 'exhausted') issues.push({ severity: 'warning', field: 'failedLevel', code: 'c10_3.exhausted' });

    if (dropNonFinite(r).length && !issues.some((i) => i.code === 'c10_3.tooExtreme')) issues.push({ severity: 'warning', code: 'c10_3.tooExtreme' });
    return { results: r, issues };
  },
});
